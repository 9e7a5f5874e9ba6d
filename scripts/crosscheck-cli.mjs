// The command-line half of scripts/crosscheck-reference.mjs: the same
// files through `sacrebleu` and `speechmetry score` (dist/cli.js; build it
// with `npx tsup --no-clean`), outputs compared line by line with the
// version field, the one intended difference, made equal.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// [sacreBLEU arguments, speechmetry arguments]; -f text is sacreBLEU's
// plain output, JSON its default (`--json` for speechmetry).
const VARIANTS = [
  ['-m bleu chrf -f text', '--metrics bleu chrf'],
  ['-m bleu chrf', '--metrics bleu chrf --json'],
  ['-m bleu chrf ter -w 3 -f text', '--metrics bleu chrf ter -w 3'],
  ['-m bleu chrf ter -w 4', '--metrics bleu chrf ter -w 4 --json'],
  ['-m bleu -w 0 -f text', '--metrics bleu -w 0'],
  ['-m bleu -tok zh -lc -f text', '--metrics bleu --tokenize zh --lowercase'],
  ['-m bleu -tok intl -f text', '--metrics bleu -tok intl'],
  ['-m bleu -tok char -lc', '--metrics bleu -tok char -lc --json'],
  ['-m bleu -tok none -f text', '--metrics bleu -tok none'],
  // speechmetry's -lc lowercases every metric; sacreBLEU's only BLEU.
  ['-m chrf --chrf-lowercase -f text', '--metrics chrf --lowercase'],
  ['-m bleu chrf -lc --chrf-lowercase', '--metrics bleu chrf -lc --json'],
  ['-m chrf --chrf-word-order 2 -f text', '--metrics chrf++'],
  ['-m chrf --chrf-word-order 2', '--metrics chrf++ --json'],
  ['-m ter -f text', '--metrics ter'],
  ['-m bleu -sl -f text', '--metrics bleu --sentence-level'],
  // sacreBLEU prints sentence scores as text even in its JSON mode;
  // speechmetry's --sentence --json (JSON lines) has no counterpart.
  ['-m bleu -sl', '--metrics bleu --sentence'],
  ['-m chrf -sl -f text -w 2', '--metrics chrf --sentence -w 2'],
  ['-m chrf -sl', '--metrics chrf --sentence'],
  ['-m ter -sl -f text', '--metrics ter --sentence'],
];

function normalise(text) {
  return text
    .replace(/version:[^|\s"]+/g, 'version:X')
    .replace(/"version": "[^"]*"/g, '"version": "X"');
}

function run(command, args) {
  const out = spawnSync(command[0], [...command.slice(1), ...args], {
    encoding: 'utf8', maxBuffer: 1 << 28,
  });
  return { status: out.status, stdout: normalise(out.stdout), stderr: out.stderr };
}

function firstDifference(a, b) {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    if (x[i] !== y[i]) return { line: i + 1, sacrebleu: x[i], speechmetry: y[i] };
  }
  return null;
}

/**
 * Writes the pairs to files and runs every variant with one and with two
 * reference files. Returns the number of comparisons and the differences.
 */
export function crosscheckCli({ root, python, pairs }) {
  const sacrebleu = join(dirname(python), 'sacrebleu');
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(sacrebleu) || !existsSync(cli)) {
    return { compared: 0, differences: [{ missing: [sacrebleu, cli] }] };
  }
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
  const file = (name, lines) => {
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };
  const hyp = file('hyp.txt', pairs.map((p) => p.hyp));
  const ref = file('ref.txt', pairs.map((p) => p.ref));
  // Files cannot say "missing": the second stream repeats the first there.
  const ref2 = file('ref2.txt', pairs.map((p) => p.alt ?? p.ref));

  const differences = [];
  let compared = 0;
  for (const refs of [[ref], [ref, ref2]]) {
    for (const [theirs, ours] of VARIANTS) {
      const a = run([sacrebleu], [...refs, '-i', hyp, ...theirs.split(' ')]);
      const b = run([process.execPath, cli],
        ['score', '-r', ...refs, '-i', hyp, ...ours.split(' ')]);
      compared += 1;
      const diff = firstDifference(a.stdout, b.stdout);
      if (diff || a.status !== b.status) {
        differences.push({ theirs, ours, refs: refs.length, status: [a.status, b.status], diff });
      }
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return { compared, differences };
}
