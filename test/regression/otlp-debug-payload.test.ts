/**
 * Regression: the OTLP export delegate logged every batch at debug level
 * ("items to be sent" with the spans), so with content capture on and the
 * diag level at ALL, captured transcripts reached the host's logs.
 */
import { afterEach, expect, it } from 'vitest';
import { OtlpReceiver } from '../../src/receiver/index.js';
import { startTelemetry } from '../../src/setup/start.js';
import { captureOutput } from '../reliability/canaries-output.js';

afterEach(() => startTelemetry({ metricsExporter: 'none', tracesExporter: 'none' }).shutdown());

const PROTOCOLS = ['http/protobuf', 'http/json'];

it.each(PROTOCOLS)('%s: exported spans are not dumped to diag', async (protocol) => {
  const receiver = await OtlpReceiver.start();
  const output = captureOutput();
  try {
    const telemetry = startTelemetry({
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_PROTOCOL: protocol },
      captureContent: true,
    });
    telemetry.asr.start({ model: 'm' }).end({ transcript: 'zz-canary-transcript' });
    await telemetry.shutdown();
  } finally {
    output.stop();
    await receiver.close();
  }

  expect(receiver.spans()[0]!.attributes['speech.content.transcript']).toBe('zz-canary-transcript');
  // The delegate's debug message is still there, without its payload.
  expect(output.diag('debug').some((m) => m.includes('items to be sent'))).toBe(true);
  expect(output.said.filter((s) => s.text.includes('zz-canary'))).toEqual([]);
});
