import type { AlignmentChunk } from './editops.js';
import type { CharacterOutput, WordOutput } from './process.js';
import { codePointLength, padLeft, padRight, pyFixed } from './text.js';

/** Options of {@link visualizeAlignment}. @public */
export interface VisualizeOptions {
  /** Append the summary with counts and measures. Default true. */
  readonly showMeasures?: boolean;
  /** Leave out sentences aligned without error. Default true. */
  readonly skipCorrect?: boolean;
  /** Wrap a sentence's lines at about this many characters. Default none. */
  readonly lineWidth?: number;
}

function isCharacterOutput(o: WordOutput | CharacterOutput): o is CharacterOutput {
  return 'cer' in o;
}

interface Lines {
  ref: string;
  hyp: string;
  op: string;
  done: string;
}

function flush(lines: Lines, spaced: boolean): string {
  const cut = (s: string): string => (spaced ? s.slice(0, -1) : s);
  return `${cut(lines.ref)}\n${cut(lines.hyp)}\n${cut(lines.op)}\n`;
}

function chunkColumns(
  chunk: AlignmentChunk, ref: string[], hyp: string[],
): [string[], string[], string] {
  const refPart = ref.slice(chunk.refStartIdx, chunk.refEndIdx);
  const hypPart = hyp.slice(chunk.hypStartIdx, chunk.hypEndIdx);
  switch (chunk.type) {
    case 'equal':
      return [refPart, hypPart, ' '];
    case 'substitute':
      return [refPart, hypPart, 'S'];
    case 'delete':
      return [refPart, refPart.map(() => '*'), 'D'];
    case 'insert':
      return [hypPart.map(() => '*'), hypPart, 'I'];
  }
}

/** The REF/HYP/operation lines of one sentence, jiwer's layout. */
function comparison(
  ref: string[], hyp: string[], chunks: readonly AlignmentChunk[],
  spaced: boolean, lineWidth: number | undefined,
): string {
  const lines: Lines = { ref: 'REF: ', hyp: 'HYP: ', op: '     ', done: '' };
  const sep = spaced ? ' ' : '';
  for (const chunk of chunks) {
    const [refCols, hypCols, mark] = chunkColumns(chunk, ref, hyp);
    // jiwer zips the lists, so the shorter side of a substitution decides.
    const count = Math.min(refCols.length, hypCols.length);
    for (let k = 0; k < count; k++) {
      let rf = refCols[k];
      let hp = hypCols[k];
      const width = Math.max(codePointLength(rf), codePointLength(hp), 1);
      if (lineWidth !== undefined && codePointLength(lines.ref) + width > lineWidth) {
        lines.done += `${flush(lines, spaced)}\n`;
        lines.ref = 'REF: ';
        lines.hyp = 'HYP: ';
        lines.op = '     ';
      }
      if (rf === '*') rf = '*'.repeat(width);
      else if (hp === '*') hp = '*'.repeat(width);
      lines.ref += padLeft(rf, width) + sep;
      lines.hyp += padLeft(hp, width) + sep;
      lines.op += padLeft(mark, width) + sep;
    }
  }
  return lines.done + flush(lines, spaced);
}

function summary(output: WordOutput | CharacterOutput): string {
  let text =
    '=== SUMMARY ===\n' +
    `number of sentences: ${output.alignments.length}\n` +
    `substitutions=${output.substitutions} deletions=${output.deletions} ` +
    `insertions=${output.insertions} hits=${output.hits}\n`;
  const pct = (x: number): string => `${pyFixed(x * 100, 2)}%`;
  if (isCharacterOutput(output)) return `${text}\ncer=${pct(output.cer)}\n`;
  text += `\nmer=${pct(output.mer)}\nwil=${pct(output.wil)}`;
  return `${text}\nwip=${pct(output.wip)}\nwer=${pct(output.wer)}\n`;
}

/**
 * The alignment as text, character for character what jiwer's
 * `visualize_alignment` prints: per sentence a REF line, a HYP line and
 * a line marking S, D and I, then an optional summary.
 * @public
 */
export function visualizeAlignment(
  output: WordOutput | CharacterOutput, options: VisualizeOptions = {},
): string {
  const showMeasures = options.showMeasures ?? true;
  const skipCorrect = options.skipCorrect ?? true;
  const spaced = !isCharacterOutput(output);
  let text = '';
  output.alignments.forEach((chunks, idx) => {
    const correct = chunks.length === 0 || (chunks.length === 1 && chunks[0].type === 'equal');
    if (skipCorrect && correct) return;
    text += `=== SENTENCE ${idx + 1} ===\n\n`;
    text += comparison(
      output.references[idx], output.hypotheses[idx], chunks, spaced, options.lineWidth,
    );
    text += '\n';
  });
  return showMeasures ? text + summary(output) : text.slice(0, -1);
}

/** How often each error occurred (jiwer's `collect_error_counts`). @public */
export interface ErrorTally {
  /** Keyed by `[reference, hypothesis]` text of each substitution. */
  readonly substitutions: Map<string, { from: string; to: string; count: number }>;
  /** Count of each inserted hypothesis span, keyed by its text. */
  readonly insertions: Map<string, number>;
  /** Count of each deleted reference span, keyed by its text. */
  readonly deletions: Map<string, number>;
}

/**
 * Counts each substituted, inserted and deleted span (words joined by a
 * space, characters by nothing), in order of first occurrence.
 * @public
 */
export function collectErrorCounts(output: WordOutput | CharacterOutput): ErrorTally {
  const tally: ErrorTally = {
    substitutions: new Map(), insertions: new Map(), deletions: new Map(),
  };
  const sep = isCharacterOutput(output) ? '' : ' ';
  output.alignments.forEach((chunks, idx) => {
    const ref = output.references[idx];
    const hyp = output.hypotheses[idx];
    for (const c of chunks) {
      const r = ref.slice(c.refStartIdx, c.refEndIdx).join(sep);
      const h = hyp.slice(c.hypStartIdx, c.hypEndIdx).join(sep);
      if (c.type === 'insert') tally.insertions.set(h, (tally.insertions.get(h) ?? 0) + 1);
      if (c.type === 'delete') tally.deletions.set(r, (tally.deletions.get(r) ?? 0) + 1);
      if (c.type === 'substitute') {
        const key = JSON.stringify([r, h]);
        const entry = tally.substitutions.get(key) ?? { from: r, to: h, count: 0 };
        entry.count++;
        tally.substitutions.set(key, entry);
      }
    }
  });
  return tally;
}

/** Options of {@link visualizeErrorCounts}; each flag defaults to true. @public */
export interface ErrorCountOptions {
  /** List the substitutions. Default true. */
  readonly showSubstitutions?: boolean;
  /** List the insertions. Default true. */
  readonly showInsertions?: boolean;
  /** List the deletions. Default true. */
  readonly showDeletions?: boolean;
  /** Only the k most frequent errors of each kind. Default all. */
  readonly topK?: number;
}

type Row = { keys: string[]; count: number };

function listing(rows: Row[], topK: number | undefined): string {
  if (rows.length === 0) return 'none';
  // Stable sort: equal counts keep their order of first occurrence.
  const sorted = [...rows].sort((x, y) => y.count - x.count);
  const shown = topK === undefined ? sorted : sorted.slice(0, topK);
  const width = Math.max(...shown.flatMap((r) => r.keys.map(codePointLength)));
  return shown
    .map((r) =>
      r.keys.length === 2
        ? `${padRight(r.keys[0], width)} --> ${padRight(r.keys[1], width)} = ${r.count}x\n`
        : `${padRight(r.keys[0], width)} = ${r.count}x\n`,
    )
    .join('');
}

/**
 * Which words (or characters) were substituted, inserted and deleted,
 * most frequent first, as jiwer's `visualize_error_counts` prints it.
 * @public
 */
export function visualizeErrorCounts(
  output: WordOutput | CharacterOutput, options: ErrorCountOptions = {},
): string {
  const t = collectErrorCounts(output);
  const sections: [boolean, string, Row[]][] = [
    [options.showSubstitutions ?? true, 'SUBSTITUTIONS',
      [...t.substitutions.values()].map((e) => ({ keys: [e.from, e.to], count: e.count }))],
    [options.showInsertions ?? true, 'INSERTIONS',
      [...t.insertions].map(([k, count]) => ({ keys: [k], count }))],
    [options.showDeletions ?? true, 'DELETIONS',
      [...t.deletions].map(([k, count]) => ({ keys: [k], count }))],
  ];
  let text = '';
  for (const [show, title, rows] of sections) {
    if (!show) continue;
    if (text !== '') text += '\n';
    text += `=== ${title} ===\n${listing(rows, options.topK)}`;
  }
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}
