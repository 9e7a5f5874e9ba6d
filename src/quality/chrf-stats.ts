/**
 * chrF's sufficient statistics for one segment, as sacreBLEU lays them
 * out: one `[hyp, ref, match]` triple per character order, then per word
 * order. With several references the triples of the reference with the
 * best sentence-level F-score are kept (the first one on a tie).
 */
import { EMPTY, NgramTable, nextOrder } from './ngram-table.js';
import { pyRemoveSpace, pySplit } from './python-text.js';

/** The settings the statistics depend on. */
export interface ChrfStatsSettings {
  readonly charOrder: number;
  readonly wordOrder: number;
  readonly lowercase: boolean;
  readonly whitespace: boolean;
}

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

/** Ids of the code points of `text` (Python's characters). */
function charIds(table: NgramTable, text: string, intern: boolean): Int32Array {
  const ids = new Int32Array(text.length);
  let k = 0;
  for (let i = 0; i < text.length; i += 1) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        i += 1;
      }
    }
    ids[k] = table.char(cp, intern);
    k += 1;
  }
  return ids.subarray(0, k);
}

/** Item ids of one text, per kind: characters, then words. */
interface Items {
  chars: Int32Array;
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
  const itemsOf = (raw: string, intern: boolean): Items => {
    const text = settings.lowercase ? raw.toLowerCase() : raw;
    const letters = settings.whitespace ? text : pyRemoveSpace(text);
    const words = wordOrder > 0
      ? chrfWords(text).map((w) => table.word(w, intern)) : [];
    return {
      chars: charIds(table, letters, intern),
      words: Int32Array.from(words),
      intern,
    };
  };

  // Calls `visit(slot, id)` for every n-gram, slot = order index.
  type Visit = (slot: number, m: number, grams: Int32Array) => void;
  const forEachNgram = (items: Items, visit: Visit): void => {
    const kinds: Array<[Int32Array, number, number]> = [
      [items.chars, charOrder, 0],
      [items.words, wordOrder, charOrder],
    ];
    for (const [seq, maxN, base] of kinds) {
      const grams = new Int32Array(seq.length);
      for (let n = 1; n <= maxN; n += 1) {
        const m = nextOrder(table, seq, grams, n, grams, items.intern);
        visit(base + n - 1, m, grams);
      }
    }
  };

  return (hypothesis: string, references: readonly string[]): number[] => {
    table.reset();
    const hypStamp = table.newStamp();
    const hypCounts = new Array<number>(charOrder + wordOrder).fill(0);
    forEachNgram(itemsOf(hypothesis, true), (slot, m, grams) => {
      hypCounts[slot] = m;
      for (let i = 0; i < m; i += 1) {
        const id = grams[i]!;
        if (table.limitStamp[id] !== hypStamp) {
          table.limitStamp[id] = hypStamp;
          table.limit[id] = 0;
        }
        table.limit[id] += 1;
      }
    });

    let best: number[] = [];
    let bestF = -1;
    for (const ref of references) {
      const stats = new Array<number>(size).fill(0);
      const refStamp = table.newStamp();
      forEachNgram(itemsOf(ref, false), (slot, m, grams) => {
        let match = 0;
        for (let i = 0; i < m; i += 1) {
          const id = grams[i]!;
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
      });
      const f = fScore(stats);
      if (f > bestF) {
        bestF = f;
        best = stats;
      }
    }
    return best;
  };
}
