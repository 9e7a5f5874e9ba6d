/**
 * Text and JSON renderings of a score, as sacreBLEU's `Score.format` and
 * its command line print them, plus the signature string.
 */
import { formatFixed, pyFloatRepr } from './python-format.js';
import type { RefCount } from './metric.js';

/** How to render a score. */
export interface ScoreFormatOptions {
  /** Decimals of the score. Default 2 (sacreBLEU's `str(score)`). */
  width?: number;
  /** Signature after the name (`BLEU|nrefs:1|… = …`). Default false. */
  signature?: boolean;
  /** Abbreviated signature keys (`#:1|c:mixed|…`). Default false. */
  short?: boolean;
  /** Only the number. Default false. */
  scoreOnly?: boolean;
  /** sacreBLEU's JSON object (full signature). Default false. */
  json?: boolean;
  /** With `json`, one line as Python's `json.dumps(d)`. Default false. */
  compact?: boolean;
}

/** One signature entry: long key, short key, value. */
export type SignatureEntry = readonly [string, string, string | number];

/** The `key:value|…` signature, `version` always last as in sacreBLEU. */
export function formatSignature(
  entries: readonly SignatureEntry[],
  short = false,
): string {
  return entries.map(([key, abbr, value]) =>
    `${short ? abbr : key}:${value}`).join('|');
}

/** The `nrefs` entry of a signature. */
export function nrefsEntry(refCount: RefCount): SignatureEntry {
  return ['nrefs', '#', refCount];
}

/** What a score needs in order to be printed. */
export interface Printable {
  readonly name: string;
  readonly score: number;
  /** The part after the score (BLEU's precisions, BP, lengths), or ''. */
  readonly verbose: string;
  readonly signatureEntries: readonly SignatureEntry[];
}

/** sacreBLEU's `Score.format(width, score_only, signature, is_json)`. */
export function formatScore(
  printable: Printable,
  options: ScoreFormatOptions = {},
): string {
  const width = options.width ?? 2;
  const text = formatFixed(printable.score, width);
  if (options.json === true) {
    return scoreJson(printable, text, options.compact === true);
  }
  if (options.scoreOnly === true) return text;

  const signature = options.signature === true
    ? formatSignature(printable.signatureEntries, options.short) : '';
  const head = signature ? `${printable.name}|${signature}` : printable.name;
  const line = `${head} = ${text}`;
  return printable.verbose ? `${line} ${printable.verbose}` : line;
}

/**
 * The JSON object sacreBLEU prints (`json.dumps(d, indent=1,
 * ensure_ascii=False)`): the score is `float` of the rounded text, so it
 * prints as Python's repr (`48.5`, `100.0`).
 */
function scoreJson(
  printable: Printable,
  text: string,
  compact: boolean,
): string {
  const entries: Array<[string, string]> = [
    ['name', JSON.stringify(printable.name)],
    ['score', pyFloatRepr(Number(text))],
    ['signature', JSON.stringify(formatSignature(printable.signatureEntries))],
  ];
  if (printable.verbose) {
    entries.push(['verbose_score', JSON.stringify(printable.verbose)]);
  }
  for (const [key, , value] of printable.signatureEntries) {
    entries.push([key, JSON.stringify(String(value))]);
  }
  return pyJsonObject(entries, compact);
}

/**
 * A flat object as Python's `json.dumps` writes it, from already encoded
 * values: `indent=1` (sacreBLEU's command line) or one line.
 */
export function pyJsonObject(
  entries: ReadonlyArray<readonly [string, string]>,
  compact = false,
): string {
  const body = entries.map(([k, v]) => `${JSON.stringify(k)}: ${v}`);
  if (compact) return `{${body.join(', ')}}`;
  return `{\n${body.map((b) => ` ${b}`).join(',\n')}\n}`;
}
