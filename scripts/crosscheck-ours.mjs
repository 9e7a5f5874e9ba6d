// speechmetry's side of scripts/crosscheck-reference.mjs: the same cases
// through the scorers of src/quality, in the shape the Python helper
// prints, so the two can be compared field by field.

function describe(score) {
  const out = {
    score: score.score,
    signature: score.signature,
    shortSignature: score.shortSignature,
    text: score.format(),
  };
  if (score.name === 'BLEU') {
    Object.assign(out, {
      counts: score.counts, totals: score.totals,
      precisions: score.precisions, bp: score.bp,
      sysLen: score.sysLen, refLen: score.refLen,
    });
  }
  if (score.name === 'TER') {
    Object.assign(out, { numEdits: score.numEdits, refLength: score.refLength });
  }
  return out;
}

function scorers(q) {
  return {
    bleu: { corpus: q.bleu, sentence: q.sentenceBleu, sentences: q.sentenceBleus },
    chrf: { corpus: q.chrf, sentence: q.sentenceChrf, sentences: q.sentenceChrfs },
    ter: {
      corpus: q.ter,
      sentence: q.sentenceTer,
      // No batch TER: one sentence call per segment.
      sentences: (hyps, refs, o) => hyps.map((h, i) => q.sentenceTer(
        h, refs.map((s) => s[i]).filter((r) => typeof r === 'string'), o,
      )),
    },
  };
}

function jiwerSide(q, c) {
  const out = c.chars ? q.processCharacters(c.ref, c.hyp) : q.processWords(c.ref, c.hyp);
  const count = (lists) => lists.reduce((n, l) => n + l.length, 0);
  return {
    hits: out.hits, substitutions: out.substitutions,
    deletions: out.deletions, insertions: out.insertions,
    refTokens: count(out.references), hypTokens: count(out.hypotheses),
    references: out.references, hypotheses: out.hypotheses,
    alignments: out.alignments.map((chunks) => chunks.map((k) => [
      k.type === 'substitute' ? 'replace' : k.type,
      k.refStartIdx, k.refEndIdx, k.hypStartIdx, k.hypEndIdx,
    ])),
  };
}

/** Runs one case; errors come back as `{ error }` like the Python side. */
export function runOurs(q, c) {
  try {
    if (c.metric === 'jiwer') return jiwerSide(q, c);
    const fns = scorers(q)[c.metric];
    if (c.level === 'sentence') return describe(fns.sentence(c.hyp, c.refs, c.options));
    if (c.level === 'sentences') {
      return fns.sentences(c.hyps, c.refs, c.options).map(describe);
    }
    return describe(fns.corpus(c.hyps, c.refs, c.options));
  } catch (error) {
    return { error: `${error.name}: ${error.message}` };
  }
}
