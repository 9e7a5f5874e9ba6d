// The cases of scripts/crosscheck-reference.mjs: every option combination
// of BLEU, chrF and TER over the multilingual corpus (corpus and sentence
// level), and jiwer-style word / character alignments over the same text
// and over random word sequences from small vocabularies (many equal-cost
// alignments, so the tie-breaking shows), short and long.
import { mulberry32 } from './crosscheck-data.mjs';

const TOKENIZERS = ['13a', 'intl', 'zh', 'char', 'none'];
const SMOOTHING = [
  {}, { smoothMethod: 'floor' }, { smoothMethod: 'floor', smoothValue: 0.5 },
  { smoothMethod: 'add-k' }, { smoothMethod: 'add-k', smoothValue: 2 },
  { smoothMethod: 'none' }, { smoothMethod: 'exp', smoothValue: 3 },
];

/** Every combination of the given option lists, as merged objects. */
function product(...lists) {
  return lists.reduce(
    (acc, list) => acc.flatMap((a) => list.map((b) => ({ ...a, ...b }))),
    [{}],
  );
}

export function bleuOptionSets() {
  return product(
    TOKENIZERS.map((tokenize) => ({ tokenize })),
    [{}, { lowercase: true }],
    SMOOTHING,
    [{}, { effectiveOrder: true }, { effectiveOrder: false }],
    [{}, { maxNgramOrder: 2 }, { maxNgramOrder: 6 }],
  );
}

export function chrfOptionSets() {
  const orders = [
    {}, { wordOrder: 1 }, { wordOrder: 2 }, { charOrder: 3, wordOrder: 2 },
    { charOrder: 1 }, { charOrder: 0, wordOrder: 2 }, { charOrder: 4 },
  ];
  return product(
    orders,
    [{}, { beta: 1 }, { beta: 3 }, { beta: 0 }],
    [{}, { lowercase: true }],
    [{}, { whitespace: true }],
    [{}, { epsSmoothing: true }],
  );
}

export function terOptionSets() {
  return product(
    [{}, { normalized: true }], [{}, { noPunct: true }],
    [{}, { asianSupport: true }], [{}, { caseSensitive: true }],
  );
}

/** Picks every k-th element, so sentence-level runs stay affordable. */
function every(list, k) {
  return list.filter((_, i) => i % k === 0);
}

/** Metric cases over one corpus (hyps, reference streams). */
export function metricCases(corpora, { stride = 1, sentenceStride = 4 } = {}) {
  const { hyps, refs } = corpora.main;
  const cases = [];
  const add = (metric, sets, sentenceEvery) => {
    for (const options of every(sets, stride)) {
      cases.push({ metric, level: 'corpus', options, corpus: 'main', hyps, refs });
    }
    for (const options of every(sets, sentenceEvery)) {
      cases.push({ metric, level: 'sentences', options, corpus: 'main', hyps, refs });
    }
  };
  add('bleu', bleuOptionSets(), 3 * sentenceStride);
  add('chrf', chrfOptionSets(), 2 * sentenceStride);
  add('ter', terOptionSets(), sentenceStride);
  // One reference stream only, a third stream for a varying count, and
  // each language alone.
  for (const [name, corpus] of Object.entries(corpora)) {
    if (name === 'main') continue;
    for (const metric of ['bleu', 'chrf', 'ter']) {
      cases.push({ metric, level: 'corpus', options: {}, corpus: name, ...corpus });
    }
    const zh = { tokenize: 'zh' };
    cases.push({ metric: 'bleu', level: 'corpus', options: zh, corpus: name, ...corpus });
    const plus = { wordOrder: 2 };
    cases.push({ metric: 'chrf', level: 'corpus', options: plus, corpus: name, ...corpus });
  }
  return cases;
}

/** The corpora of the metric cases, from pairs with an optional 2nd ref. */
export function corporaOf(pairs) {
  const hyps = pairs.map((p) => p.hyp);
  const first = pairs.map((p) => p.ref);
  const second = pairs.map((p) => p.alt);
  const corpora = {
    main: { hyps, refs: [first, second] },
    one: { hyps, refs: [first] },
    three: { hyps, refs: [first, second, first.map((r, i) => (i % 3 ? null : r))] },
  };
  // Degenerate corpora: nothing translated, and nothing to compare with.
  const edge = pairs.filter((p) => p.lang === 'edge');
  corpora.emptyHyps = { hyps: edge.map(() => ''), refs: [edge.map((p) => p.ref)] };
  corpora.emptyRefs = { hyps: edge.map((p) => p.hyp), refs: [edge.map(() => '')] };
  for (const lang of new Set(pairs.map((p) => p.lang))) {
    const subset = pairs.filter((p) => p.lang === lang);
    corpora[lang] = {
      hyps: subset.map((p) => p.hyp),
      refs: [subset.map((p) => p.ref), subset.map((p) => p.alt)],
    };
  }
  return corpora;
}

/** Word and character alignments of every pair, and of the whole corpus. */
export function textAlignmentCases(pairs) {
  const cases = [];
  for (const p of pairs) {
    cases.push({ metric: 'jiwer', chars: false, ref: p.ref, hyp: p.hyp });
    cases.push({ metric: 'jiwer', chars: true, ref: p.ref, hyp: p.hyp });
  }
  const refs = pairs.map((p) => p.ref);
  const hyps = pairs.map((p) => p.hyp);
  cases.push({ metric: 'jiwer', chars: false, ref: refs, hyp: hyps });
  cases.push({ metric: 'jiwer', chars: true, ref: refs, hyp: hyps });
  return cases;
}

function randomWords(rand, length, vocab) {
  const out = [];
  for (let i = 0; i < length; i += 1) {
    out.push(String.fromCharCode(97 + Math.floor(rand() * vocab)));
  }
  return out;
}

/** A noisy copy: each word kept, dropped, replaced, or followed by another. */
function noisy(rand, words, vocab, rate) {
  const out = [];
  for (const w of words) {
    const r = rand();
    if (r < rate / 3) continue;
    out.push(r < (2 * rate) / 3 ? randomWords(rand, 1, vocab)[0] : w);
    if (r > 1 - rate / 3) out.push(randomWords(rand, 1, vocab)[0]);
  }
  return out;
}

/**
 * Random word sequences over 2–6 letter vocabularies: independent pairs
 * and noisy copies, lengths from 0 to past 64 (rapidfuzz's single-word
 * bit vector) and past 1000 words (its Hirschberg split).
 */
export function randomAlignmentCases(seed, count, lengths) {
  const rand = mulberry32(seed);
  const cases = [];
  for (let k = 0; k < count; k += 1) {
    const [lo, hi] = lengths;
    const n = lo + Math.floor(rand() * (hi - lo + 1));
    const vocab = 2 + Math.floor(rand() * 5);
    const ref = randomWords(rand, n, vocab);
    const hyp = rand() < 0.3
      ? randomWords(rand, Math.floor(n * (0.5 + rand())), vocab)
      : noisy(rand, ref, vocab, 0.05 + rand() * 0.6);
    cases.push({
      metric: 'jiwer', chars: k % 5 === 4,
      ref: ref.join(k % 5 === 4 ? '' : ' '),
      hyp: hyp.join(k % 5 === 4 ? '' : ' '),
    });
  }
  return cases;
}
