// `speechmetry score` through main() with fake streams, and once through
// the built CLI when dist/ exists.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { VERSION } from '../../src/version.js';
import { section } from '../quality/vectors.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(isTTY: boolean): PassThrough & { isTTY?: boolean; text(): string } {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean; text(): string };
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.isTTY = isTTY;
  stream.text = () => Buffer.concat(chunks).toString('utf8');
  return stream;
}

async function score(argv: string[], stdin = '', tty = false): Promise<Run> {
  const stdout = sink(false);
  const stderr = sink(tty);
  const code = await main(['score', ...argv], {
    stdout, stderr, stdin: Readable.from([Buffer.from(stdin)]), env: {},
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const ex = section('format_example');
const hyps = ex.hyps as string[];
const refs = ex.refs as string[][];
const mine = (text: string): string => text.replaceAll('2.6.0', VERSION);
let dir = '';
const file = (name: string): string => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'speechmetry-score-'));
  writeFileSync(file('hyp.txt'), `${hyps.join('\n')}\n`);
  writeFileSync(file('ref1.txt'), `${refs[0]!.join('\n')}\n`);
  // No final newline and Windows line ends: both read as sacreBLEU reads.
  writeFileSync(file('ref2.txt'), refs[1]!.join('\r\n'));
  writeFileSync(file('short.txt'), 'one line\n');
  writeFileSync(file('latin1.txt'), Buffer.from([0x61, 0xe9, 0x0a, 0x62, 0x0a, 0x63, 0x0a]));
});

describe('speechmetry score: sacreBLEU output', () => {
  it('prints the text line of sacreBLEU at width 1', async () => {
    const run = await score(['-r', file('ref1.txt'), file('ref2.txt'), '-i', file('hyp.txt')]);
    expect(run).toEqual({
      code: 0, stdout: `${mine(ex.cli_text_width1 as string)}\n`, stderr: '',
    });
  });

  it('prints the JSON of sacreBLEU', async () => {
    const run = await score(['-r', file('ref1.txt'), file('ref2.txt'),
      '-i', file('hyp.txt'), '--json']);
    expect(run.stdout).toBe(`${mine(ex.cli_json_width1 as string)}\n`);
  });

  it('reads the hypotheses from stdin, with - or without -i', async () => {
    const stdin = `${hyps.join('\n')}\n`;
    const dash = await score([file('ref1.txt'), file('ref2.txt'), '-i', '-'], stdin);
    const none = await score(['-r', file('ref1.txt'), file('ref2.txt')], stdin);
    expect(dash.stdout).toBe(`${mine(ex.cli_text_width1 as string)}\n`);
    expect(none.stdout).toBe(dash.stdout);
  });

  it('aligns several metrics on "=" and honours --width', async () => {
    const run = await score(['-r', file('ref1.txt'), file('ref2.txt'),
      '-i', file('hyp.txt'), '-m', 'bleu', 'chrf', 'chrf++', '-w', '2']);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const at = lines.map((l) => l.indexOf(' = '));
    expect(new Set(at).size).toBe(1);
    expect(lines[0]).toContain('= 48.53 82.4/50.0/45.5/37.5');
    const sig = (key: string): string => mine((ex[key] as { signature: string }).signature);
    expect(lines[1]!.trim()).toBe(`chrF2|${sig('chrf')} = 59.73`);
    expect(lines[2]!.trim()).toBe(`chrF2++|${sig('chrfpp')} = 59.15`);
  });

  it('prints a JSON array for several metrics, as sacreBLEU', async () => {
    const run = await score(['-r', file('ref1.txt'), '-i', file('hyp.txt'),
      '-m', 'bleu', 'chrf', '--json']);
    const parsed = JSON.parse(run.stdout) as Array<{ name: string }>;
    expect(parsed.map((p) => p.name)).toEqual(['BLEU', 'chrF2']);
    expect(run.stdout.startsWith('[\n{\n "name": "BLEU",')).toBe(true);
  });

  it('scores each line with --sentence (effective order on)', async () => {
    const run = await score(['-r', file('ref1.txt'), '-i', file('hyp.txt'), '--sentence']);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`BLEU|nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:${VERSION}` +
      ' = 100.0 100.0/100.0/100.0/100.0 (BP = 1.000 ratio = 1.000 hyp_len = 6 ref_len = 6)');
    const json = await score(['-r', file('ref1.txt'), '-i', file('hyp.txt'),
      '--sentence', '--json', '-m', 'chrf']);
    const objects = json.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(objects).toHaveLength(3);
    expect(objects[0]).toMatchObject({ name: 'chrF2', score: 100 });
  });

  it('scores TER as sacreBLEU prints it', async () => {
    const run = await score(['-r', file('ref1.txt'), file('ref2.txt'), '-i', file('hyp.txt'),
      '-m', 'ter', '-w', '2']);
    const want = (ex.ter as { str: string; signature: string });
    expect(run.stdout).toBe(`TER|${mine(want.signature)} = 40.00\n`);
  });

  it('scores WER and CER with the first reference', async () => {
    const run = await score(['-r', file('ref1.txt'), '-i', file('hyp.txt'), '-m', 'wer', '--json']);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout) as { name: string; score: number; hits: number };
    expect(parsed.name).toBe('WER');
    expect(parsed.score).toBeGreaterThan(0);
    expect(parsed.score).toBeLessThan(1);
  });
});

describe('speechmetry score: errors exit 2 with one line', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['a missing file', ['-r', 'no-such-file.txt', '-i', 'hyp.txt'],
      /cannot read no-such-file\.txt/],
    ['mismatched line counts', ['-r', 'short.txt', '-i', 'hyp.txt'],
      /short\.txt has 1 lines but the hypotheses have 3/],
    ['invalid UTF-8', ['-r', 'latin1.txt', '-i', 'latin1.txt'], /latin1\.txt is not valid UTF-8/],
    ['an unknown metric', ['-r', 'ref1.txt', '-m', 'meteor'], /unknown metric "meteor"/],
    ['an unknown option', ['-r', 'ref1.txt', '--frobnicate'], /unknown option --frobnicate/],
    ['no reference', ['-i', 'hyp.txt'], /no reference file/],
    ['two metrics per sentence',
      ['-r', 'ref1.txt', '-i', 'hyp.txt', '-sl', '-m', 'bleu', 'chrf'], /one metric only/],
  ];
  it.each(cases)('%s', async (_, argv, message) => {
    const abs = argv.map((a) => (a.endsWith('.txt') && a !== 'no-such-file.txt' ? file(a) : a));
    const run = await score(abs);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('an empty reference line is an empty reference, as in sacreBLEU 2.6', async () => {
    writeFileSync(file('blank.txt'), 'a\n\nb\n');
    const run = await score(['-r', file('blank.txt'), '-i', file('hyp.txt'), '-m', 'chrf']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^chrF2\|nrefs:1\|/);
  });
});

describe('speechmetry score: progress bar', () => {
  const many = 20_000;
  const lines = `${Array.from({ length: many }, (_, i) => `line ${i % 97} of text`).join('\n')}\n`;

  it('draws on a TTY stderr for a large input, not otherwise', async () => {
    writeFileSync(file('many.txt'), lines);
    const tty = await score(['-r', file('many.txt'), '-i', file('many.txt')], '', true);
    const pipe = await score(['-r', file('many.txt'), '-i', file('many.txt')], '', false);
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain(`[${'#'.repeat(30)}] ${many}/${many}`);
    expect(pipe.stderr).toBe('');
    expect(pipe.stdout).toBe(tty.stdout);
  });
});

describe('speechmetry score: the built CLI', () => {
  const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
  // An older build (before `score`) counts as not built.
  const built = existsSync(cli) && spawnSync(process.execPath, [cli, '--help'],
    { encoding: 'utf8' }).stdout.includes('score');
  it.skipIf(!built)('runs as a process (skipped unless dist/cli.js has score)', () => {
    const result = spawnSync(process.execPath, [cli, 'score', '-r', file('ref1.txt'),
      file('ref2.txt'), '-i', file('hyp.txt')], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${mine(ex.cli_text_width1 as string)}\n`);
    const bad = spawnSync(process.execPath, [cli, 'score', '-r', 'no-such-file.txt'],
      { encoding: 'utf8', input: '' });
    expect(bad.status).toBe(2);
  });
});
