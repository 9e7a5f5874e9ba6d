/**
 * Exact n-gram identities without building n-gram strings. A token (or
 * character) gets a small integer id; an n-gram is the pair (id of its
 * first n-1 items, id of its last item), interned in an open-addressing
 * table of integer pairs. Equal n-grams get equal ids and different
 * n-grams different ids (the table compares both halves, so there is no
 * collision risk), and the counters below are plain typed arrays indexed
 * by id and reset lazily with a stamp. No n-gram string is ever built,
 * which is where sacreBLEU spends its time (bench/quality.mjs).
 */

/** The id of nothing: an empty slot, an unknown n-gram. */
export const EMPTY = 0;
const FIRST_ID = 1;
// Ids are positive, so no n-gram has this prefix.
const CHAR_ROOT = -1;

function hashPair(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

/** Interns words, characters and n-grams of one scoring call. */
export class NgramTable {
  private readonly words = new Map<string, number>();
  // Slot k holds [prefix, last, id] at 3k, 3k + 1, 3k + 2: one probe reads
  // one cache line instead of three arrays (chrF ~1.3× faster in
  // bench/quality.mjs). Small to start: sentence scoring builds one table
  // per call.
  private slots = new Int32Array(3 << 8);
  private mask = (1 << 8) - 1;
  private used = 0;
  private nextId = FIRST_ID;

  /** Running count per id, valid where `countStamp` is the current stamp. */
  count = new Int32Array(1 << 8);
  countStamp = new Int32Array(1 << 8);
  /** A bound per id (hypothesis count, best reference count). */
  limit = new Int32Array(1 << 8);
  limitStamp = new Int32Array(1 << 8);
  private stamp = 0;

  /**
   * Forgets every id. Scorers reset per segment: n-grams only meet within
   * a segment, and a table that stays small stays in the CPU cache (a
   * corpus-wide table was ~2× slower in bench/quality.mjs). Counters need
   * no clearing, their stamps are already stale.
   */
  reset(): void {
    this.words.clear();
    if (this.used > 0) this.slots.fill(EMPTY);
    this.used = 0;
    this.nextId = FIRST_ID;
  }

  /** A fresh stamp: every count or limit set under an older one reads 0. */
  newStamp(): number {
    if (this.stamp === 0x7fffffff) {
      this.countStamp.fill(0);
      this.limitStamp.fill(0);
      this.stamp = 0;
    }
    this.stamp += 1;
    return this.stamp;
  }

  /** Increments the running count of `id` under `stamp`; returns it. */
  bump(id: number, stamp: number): number {
    if (this.countStamp[id] !== stamp) {
      this.countStamp[id] = stamp;
      this.count[id] = 0;
    }
    const c = this.count[id]! + 1;
    this.count[id] = c;
    return c;
  }

  /** The id of a word; with `intern` false, 0 for an unknown word. */
  word(text: string, intern = true): number {
    let id = this.words.get(text);
    if (id === undefined) {
      if (!intern) return EMPTY;
      id = this.newId();
      this.words.set(text, id);
    }
    return id;
  }

  /**
   * The id of a character by code point; with `intern` false, 0 if
   * unknown. Characters live in the pair table under a root no n-gram
   * uses, which needs no per-call allocation (a 64 Ki-entry index cost
   * sentence scoring 5× in bench/quality.mjs).
   */
  char(codePoint: number, intern = true): number {
    return intern
      ? this.extend(CHAR_ROOT, codePoint)
      : this.find(CHAR_ROOT, codePoint);
  }

  /**
   * The id of `prefix` + `last` if that n-gram was interned, else 0 (also
   * when the prefix is 0: an n-gram of an unknown prefix is unknown).
   * Looking up instead of interning the side that only needs matches
   * skips most hashing at higher orders.
   */
  find(prefix: number, last: number): number {
    if (prefix === EMPTY) return EMPTY;
    const { slots, mask } = this;
    let slot = hashPair(prefix, last) & mask;
    for (;;) {
      const at = 3 * slot;
      const id = slots[at + 2]!;
      if (id === EMPTY) return EMPTY;
      if (slots[at] === prefix && slots[at + 1] === last) return id;
      slot = (slot + 1) & mask;
    }
  }

  /** The id of the n-gram `prefix` followed by `last`. */
  extend(prefix: number, last: number): number {
    const { slots, mask } = this;
    let slot = hashPair(prefix, last) & mask;
    let at: number;
    for (;;) {
      at = 3 * slot;
      const id = slots[at + 2]!;
      if (id === EMPTY) break;
      if (slots[at] === prefix && slots[at + 1] === last) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.newId();
    slots[at] = prefix;
    slots[at + 1] = last;
    slots[at + 2] = id;
    this.used += 1;
    if (this.used * 2 > mask + 1) this.rehash();
    return id;
  }

  private newId(): number {
    const id = this.nextId;
    this.nextId += 1;
    if (id >= this.count.length) this.growCounters();
    return id;
  }

  private growCounters(): void {
    const size = this.count.length * 2;
    this.count = grow(this.count, size);
    this.countStamp = grow(this.countStamp, size);
    this.limit = grow(this.limit, size);
    this.limitStamp = grow(this.limitStamp, size);
  }

  private rehash(): void {
    const old = this.slots;
    const size = 2 * (this.mask + 1);
    const slots = new Int32Array(3 * size);
    const mask = size - 1;
    for (let i = 0; i < old.length; i += 3) {
      const id = old[i + 2]!;
      if (id === EMPTY) continue;
      let slot = hashPair(old[i]!, old[i + 1]!) & mask;
      while (slots[3 * slot + 2] !== EMPTY) slot = (slot + 1) & mask;
      slots[3 * slot] = old[i]!;
      slots[3 * slot + 1] = old[i + 1]!;
      slots[3 * slot + 2] = id;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

function grow(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(array);
  return next;
}

/**
 * Writes the ids of all n-grams of one order into `out` (length
 * `items.length - n + 1`), given the ids of order n-1 in `prev`; for n = 1
 * `prev` is ignored and the item ids are copied. `out` may be `prev`.
 * With `intern` false, unknown n-grams get id 0 instead of a new id.
 * Only the first `length` items are read (default all).
 */
export function nextOrder(
  table: NgramTable,
  items: ArrayLike<number>,
  prev: Int32Array,
  n: number,
  out: Int32Array,
  intern = true,
  length = items.length,
): number {
  const count = length - n + 1;
  if (count <= 0) return 0;
  if (n === 1) {
    for (let i = 0; i < count; i += 1) out[i] = items[i]!;
  } else if (intern) {
    for (let i = 0; i < count; i += 1) {
      out[i] = table.extend(prev[i]!, items[i + n - 1]!);
    }
  } else {
    for (let i = 0; i < count; i += 1) {
      out[i] = table.find(prev[i]!, items[i + n - 1]!);
    }
  }
  return count;
}
