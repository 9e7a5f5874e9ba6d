// Field-by-field comparison for scripts/crosscheck-reference.mjs and the
// golden fixture: BLEU floats to a relative 1e-12 (integers exactly),
// chrF and TER bit for bit, signatures equal but for the version field,
// printed text equal, jiwer counts, tokens and alignment chunks equal.

export const BLEU_REL_TOLERANCE = 1e-12;

/** Relative difference; 0 only when both are exactly equal. */
export function relDiff(a, b) {
  if (a === b) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  return Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);
}

/** Signatures compared without the version field (ours vs sacreBLEU's). */
export function withoutVersion(signature) {
  return signature.replace(/\|(version|v):[^|]*$/, '');
}

const BLEU_FLOATS = ['score', 'bp'];
const BLEU_INTS = ['sysLen', 'refLen'];

function compareScore(metric, ours, theirs, problems) {
  let maxRel = 0;
  const note = (field, a, b) => problems.push({ field, ours: a, theirs: b });
  if (metric === 'bleu') {
    for (const f of BLEU_FLOATS) {
      const rel = relDiff(ours[f], theirs[f]);
      maxRel = Math.max(maxRel, rel);
      if (rel > BLEU_REL_TOLERANCE) note(f, ours[f], theirs[f]);
    }
    theirs.precisions.forEach((p, k) => {
      const rel = relDiff(ours.precisions[k], p);
      maxRel = Math.max(maxRel, rel);
      if (rel > BLEU_REL_TOLERANCE) note(`precisions[${k}]`, ours.precisions[k], p);
    });
    for (const f of ['counts', 'totals']) {
      if (JSON.stringify(ours[f]) !== JSON.stringify(theirs[f])) note(f, ours[f], theirs[f]);
    }
    for (const f of BLEU_INTS) if (ours[f] !== theirs[f]) note(f, ours[f], theirs[f]);
  } else {
    if (ours.score !== theirs.score) note('score', ours.score, theirs.score);
    maxRel = relDiff(ours.score, theirs.score);
  }
  if (metric === 'ter') {
    for (const f of ['numEdits', 'refLength']) {
      if (ours[f] !== theirs[f]) note(f, ours[f], theirs[f]);
    }
  }
  for (const f of ['signature', 'shortSignature']) {
    if (withoutVersion(ours[f]) !== withoutVersion(theirs[f])) note(f, ours[f], theirs[f]);
  }
  if (ours.text !== theirs.text) note('text', ours.text, theirs.text);
  return maxRel;
}

const JIWER_FIELDS = [
  'hits', 'substitutions', 'deletions', 'insertions', 'refTokens', 'hypTokens',
  'references', 'hypotheses', 'alignments',
];

function compareJiwer(ours, theirs, problems) {
  for (const f of JIWER_FIELDS) {
    const a = JSON.stringify(ours[f]);
    const b = JSON.stringify(theirs[f]);
    if (a !== b) problems.push({ field: f, ours: a.slice(0, 200), theirs: b.slice(0, 200) });
  }
}

/**
 * Compares one case's results. Both sides failing counts as agreement
 * (the message texts differ by design); one side failing is a problem.
 */
export function compareCase(c, ours, theirs) {
  const problems = [];
  const failed = (r) => r !== null && typeof r === 'object' && 'error' in r;
  if (failed(ours) || failed(theirs)) {
    if (!(failed(ours) && failed(theirs))) {
      problems.push({ field: 'error', ours: ours.error, theirs: theirs.error });
    }
    return { problems, maxRel: 0, segments: 0, bothFailed: problems.length === 0 };
  }
  if (c.metric === 'jiwer') {
    compareJiwer(ours, theirs, problems);
    return { problems, maxRel: 0, segments: theirs.alignments.length };
  }
  const oursList = Array.isArray(ours) ? ours : [ours];
  const theirList = Array.isArray(theirs) ? theirs : [theirs];
  if (oursList.length !== theirList.length) {
    problems.push({ field: 'length', ours: oursList.length, theirs: theirList.length });
    return { problems, maxRel: 0, segments: 0 };
  }
  let maxRel = 0;
  theirList.forEach((t, k) => {
    const before = problems.length;
    maxRel = Math.max(maxRel, compareScore(c.metric, oursList[k], t, problems));
    for (const p of problems.slice(before)) p.segment = k;
  });
  const segments = c.level === 'corpus' ? c.hyps.length : theirList.length;
  return { problems, maxRel, segments };
}
