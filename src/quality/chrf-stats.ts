/**
 * chrF's sufficient statistics for one segment, as sacreBLEU lays them
 * out: one `[hyp, ref, match]` triple per character order, then per word
 * order. With several references the triples of the reference with the
 * best sentence-level F-score are kept (the first one on a tie).
 */
import { EMPTY, NgramTable, nextOrder } from './ngram-table.js';
import { isPySpace, pySplit } from './python-text.js';

/** The settings the statistics depend on. */
export interface ChrfStatsSettings {
  readonly charOrder: number;
  readonly wordOrder: number;
  readonly lowercase: boolean;
  readonly whitespace: boolean;
}

const NO_WORDS = new Int32Array(0);

// Python's string.punctuation, which chrF++ strips from word edges.
const PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

/**
 * chrF++'s word split: a word longer than one character loses one edge
 * punctuation mark into a token of its own, the last character first.
 * Edge marks are ASCII, so UTF-16 slicing equals Python's code points.
 */
export function chrfWords(text: string): string[] {
  const words: string[] = [];
  for (const w of pySplit(text)) {
    // One Python character: one UTF-16 unit or one surrogate pair.
    const single = w.length === 1 ||
      (w.length === 2 && w.codePointAt(0)! > 0xffff);
    if (single) {
      words.push(w);
    } else if (PUNCTUATION.has(w[w.length - 1]!)) {
      words.push(w.slice(0, -1), w[w.length - 1]!);
    } else if (PUNCTUATION.has(w[0]!)) {
      words.push(w[0]!, w.slice(1));
    } else {
      words.push(w);
    }
  }
  return words;
}

/**
 * Writes the ids of the code points of `text` (Python's characters) into
 * `out`, which must hold text.length entries; returns how many. With
 * `dropSpace`, Python whitespace is left out as if removed first (so a
 * surrogate pair split only by spaces still makes one character): no
 * intermediate string, and no array per text.
 */
function charIds(
  table: NgramTable, text: string, intern: boolean, dropSpace: boolean, out: Int32Array,
): number {
  let k = 0;
  const end = text.length;
  for (let i = 0; i < end; i += 1) {
    let cp = text.charCodeAt(i);
    if (dropSpace && isPySpace(cp)) continue;
    if (cp >= 0xd800 && cp <= 0xdbff) {
      let j = i + 1;
      while (dropSpace && j < end && isPySpace(text.charCodeAt(j))) j += 1;
      const low = j < end ? text.charCodeAt(j) : 0;
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        i = j;
      }
    }
    out[k] = table.char(cp, intern);
    k += 1;
  }
  return k;
}

/** Item ids of one text, per kind: characters, then words. */
interface Items {
  chars: Int32Array; // the first charCount entries
  charCount: number;
  words: Int32Array;
  intern: boolean;
}

/** Statistics function for one scoring call (shares one n-gram table). */
export function chrfSegmentStats(
  settings: ChrfStatsSettings,
  fScore: (stats: readonly number[]) => number,
) {
  const table = new NgramTable();
  const { charOrder, wordOrder } = settings;
  const size = 3 * (charOrder + wordOrder);

  // The hypothesis is interned; references only look their n-grams up,
  // since an n-gram the hypothesis lacks cannot match.
  // One buffer for the character ids of the text in hand: its n-grams
  // are taken before the next text's characters are read.
  let charBuffer = new Int32Array(256);
  const itemsOf = (raw: string, intern: boolean): Items => {
    const text = settings.lowercase ? raw.toLowerCase() : raw;
    const words = wordOrder > 0
      ? Int32Array.from(chrfWords(text), (w) => table.word(w, intern)) : NO_WORDS;
    if (charBuffer.length < text.length) charBuffer = new Int32Array(2 * text.length);
    const charCount = charIds(table, text, intern, !settings.whitespace, charBuffer);
    return { chars: charBuffer, charCount, words, intern };
  };

  // The n-gram ids of every order of the text last passed to `ngrams`,
  // in buffers reused across segments: slot = order index.
  const orders = charOrder + wordOrder;
  const grams: Int32Array[] = Array.from({ length: orders }, () => new Int32Array(64));
  const counts = new Int32Array(orders);
  const fill = (
    seq: Int32Array, length: number, maxN: number, base: number, intern: boolean,
  ): void => {
    for (let n = 1; n <= maxN; n += 1) {
      const slot = base + n - 1;
      if (grams[slot]!.length < length) grams[slot] = new Int32Array(2 * length);
      const prev = n === 1 ? seq : grams[slot - 1]!;
      counts[slot] = nextOrder(table, seq, prev, n, grams[slot]!, intern, length);
    }
  };
  const ngrams = (items: Items): void => {
    fill(items.chars, items.charCount, charOrder, 0, items.intern);
    fill(items.words, items.words.length, wordOrder, charOrder, items.intern);
  };

  return (hypothesis: string, references: readonly string[]): number[] => {
    table.reset();
    const hypStamp = table.newStamp();
    ngrams(itemsOf(hypothesis, true));
    const hypCounts = Array.from(counts);
    for (let slot = 0; slot < orders; slot += 1) {
      const ids = grams[slot]!;
      for (let i = 0; i < hypCounts[slot]!; i += 1) {
        const id = ids[i]!;
        if (table.limitStamp[id] !== hypStamp) {
          table.limitStamp[id] = hypStamp;
          table.limit[id] = 0;
        }
        table.limit[id] += 1;
      }
    }

    let best: number[] = [];
    let bestF = -1;
    for (const ref of references) {
      const stats = new Array<number>(size).fill(0);
      const refStamp = table.newStamp();
      ngrams(itemsOf(ref, false));
      for (let slot = 0; slot < orders; slot += 1) {
        const ids = grams[slot]!;
        const m = counts[slot]!;
        let match = 0;
        for (let i = 0; i < m; i += 1) {
          const id = ids[i]!;
          if (id === EMPTY) continue;
          const c = table.bump(id, refStamp);
          const known = table.limitStamp[id] === hypStamp;
          if (known && c <= table.limit[id]!) match += 1;
        }
        // sacreBLEU counts no hypothesis n-grams of an order the
        // reference is too short to have.
        stats[3 * slot] = m > 0 ? hypCounts[slot]! : 0;
        stats[3 * slot + 1] = m;
        stats[3 * slot + 2] = match;
      }
      const f = fScore(stats);
      if (f > bestF) {
        bestF = f;
        best = stats;
      }
    }
    return best;
  };
}
