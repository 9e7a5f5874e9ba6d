/**
 * BLEU's sufficient statistics for one segment, laid out as sacreBLEU
 * lays them out: `[sysLen, refLen, correct_1..N, total_1..N]`.
 */
import { EMPTY, NgramTable, nextOrder } from './ngram-table.js';
import { pyRstrip } from './python-text.js';
import { tokenize, type BleuTokenizer } from './tokenizers/index.js';

/** The settings the statistics depend on. */
export interface BleuStatsSettings {
  readonly tokenize: BleuTokenizer;
  readonly lowercase: boolean;
  readonly maxNgramOrder: number;
}

/** sacreBLEU's `_preprocess_segment`: lowercase, right-strip, tokenize. */
export function bleuTokens(
  text: string,
  settings: BleuStatsSettings,
): string[] {
  const cased = settings.lowercase ? text.toLowerCase() : text;
  return tokenize(settings.tokenize, pyRstrip(cased));
}

/**
 * The reference length BLEU compares against: the one closest to the
 * hypothesis length, the shorter one on a tie.
 */
export function closestRefLength(hypLen: number, refLens: number[]): number {
  let bestDiff = -1;
  let best = -1;
  for (const len of refLens) {
    const diff = Math.abs(hypLen - len);
    if (bestDiff === -1 || diff < bestDiff) {
      bestDiff = diff;
      best = len;
    } else if (diff === bestDiff && len < best) {
      best = len;
    }
  }
  return best;
}

/** Statistics function for one scoring call (shares one n-gram table). */
export function bleuSegmentStats(settings: BleuStatsSettings) {
  const table = new NgramTable();
  const order = settings.maxNgramOrder;

  // References are interned; the hypothesis only looks its n-grams up,
  // since an n-gram no reference has cannot match.
  const wordIds = (text: string, intern: boolean): Int32Array => {
    const tokens = bleuTokens(text, settings);
    const ids = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i += 1) {
      ids[i] = table.word(tokens[i]!, intern);
    }
    return ids;
  };

  // Each reference raises the per-n-gram bound to its own count, so the
  // bound ends as the maximum count over the references (sacreBLEU's
  // merged reference Counter).
  const addReference = (ids: Int32Array, segment: number): void => {
    const stamp = table.newStamp();
    const grams = new Int32Array(ids.length);
    for (let n = 1; n <= order; n += 1) {
      const m = nextOrder(table, ids, grams, n, grams);
      for (let i = 0; i < m; i += 1) {
        const id = grams[i]!;
        const c = table.bump(id, stamp);
        if (table.limitStamp[id] !== segment) {
          table.limitStamp[id] = segment;
          table.limit[id] = c;
        } else if (c > table.limit[id]!) {
          table.limit[id] = c;
        }
      }
    }
  };

  return (hypothesis: string, references: readonly string[]): number[] => {
    const stats = new Array<number>(2 + 2 * order).fill(0);
    table.reset();
    const segment = table.newStamp();
    const refLens: number[] = [];
    for (const ref of references) {
      const ids = wordIds(ref, true);
      refLens.push(ids.length);
      addReference(ids, segment);
    }

    const ids = wordIds(hypothesis, false);
    const stamp = table.newStamp();
    const grams = new Int32Array(ids.length);
    for (let n = 1; n <= order; n += 1) {
      const m = nextOrder(table, ids, grams, n, grams, false);
      let correct = 0;
      for (let i = 0; i < m; i += 1) {
        const id = grams[i]!;
        if (id === EMPTY) continue;
        // Clipped count: the k-th occurrence matches while k <= the bound.
        const c = table.bump(id, stamp);
        if (table.limitStamp[id] === segment && c <= table.limit[id]!) {
          correct += 1;
        }
      }
      stats[1 + n] = correct;
      stats[1 + order + n] = m;
    }
    stats[0] = ids.length;
    stats[1] = closestRefLength(ids.length, refLens);
    return stats;
  };
}
