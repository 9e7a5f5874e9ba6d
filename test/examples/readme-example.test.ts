import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OtlpReceiver } from '../../src/receiver/index.js';
import { freePort, poll, stop } from '../helpers/processes.js';
import { makeWav } from '../helpers/wav.js';

const root = new URL('../..', import.meta.url).pathname;
const built = existsSync(join(root, 'dist/index.js'));

/** The README's first JavaScript block: the 15-line Express service. */
function readmeExample(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = readme.match(/```js\n(import express[\s\S]*?)```/);
  if (!block) throw new Error('README has no Express example');
  return block[1]!;
}

describe.skipIf(!built)('the README example (needs `npm run build`)', () => {
  it('runs as written and exports its ASR operation', async () => {
    const source = readmeExample();
    expect(source.split('\n').filter((l) => l.trim() !== '').length).toBeLessThanOrEqual(17);
    // Inside the package (not under node_modules), so `speechmetry`
    // resolves to this package through its own `exports`.
    const dir = mkdtempSync(join(root, '.tmp-readme-example-'));
    const file = join(dir, 'service.mjs');
    writeFileSync(file, source);
    const receiver = await OtlpReceiver.start();
    const port = await freePort();
    const child = spawn(process.execPath, [file], {
      env: {
        ...process.env,
        PORT: String(port),
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_METRIC_EXPORT_INTERVAL: '200',
        OTEL_METRIC_EXPORT_TIMEOUT: '200',
      },
      stdio: 'ignore',
    });
    try {
      const res = await poll(async () => {
        const r = await fetch(`http://127.0.0.1:${port}/transcribe`, {
          method: 'POST',
          headers: { 'content-type': 'audio/wav', 'x-correlation-id': 'readme-1' },
          body: makeWav(16000, 1, 16, 32000),
        });
        return r;
      }, 15_000, 'the example to listen');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-correlation-id')).toBe('readme-1');
      expect(await res.json()).toEqual({ text: '…' });
      await receiver.waitFor((r) => r.metrics('speech.asr.audio.duration').length > 0, 15_000);
      const audio = receiver.lastMetric('speech.asr.audio.duration')!;
      if (audio.type !== 'histogram') throw new Error('not a histogram');
      expect(audio.dataPoints[0]!.sum).toBe(2);
    } finally {
      await stop(child);
      await receiver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
