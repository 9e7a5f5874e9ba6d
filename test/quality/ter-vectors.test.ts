// Every TER case of the visible sacreBLEU 2.6.0 vectors.
import { describe, expect, it } from 'vitest';
import { ter } from '../../src/quality/ter.js';
import { terTokens } from '../../src/quality/ter-tokenizer.js';
import { VERSION } from '../../src/version.js';
import { section } from './vectors.js';

describe('sacreBLEU vectors: TER', () => {
  const s = section('ter_corpus');
  it.each(s.cases.map((c, i) => [i, c] as const))('corpus case %i', (_, c) => {
    const score = ter(c.hyps, c.refs);
    expect(Math.abs(score.score - 100 * c.expected_fraction)).toBeLessThanOrEqual(1e-3);
    expect(score.numEdits).toBe(c.computed.num_edits);
    expect(score.refLength).toBe(c.computed.ref_length);
    expect(score.score).toBe(c.computed.score);
  });

  const t = section('ter_tokenizer');
  it.each(t.cases.map((c, i) => [i, c] as const))('tokenizer case %i', (_, c) => {
    const options = {
      normalized: c.options.normalized, noPunct: c.options.no_punct,
      asianSupport: c.options.asian_support, caseSensitive: c.options.case_sensitive,
    };
    expect(terTokens(c.input, options).join(' ')).toBe(c.expected);
  });

  it('format_example: str(score) and signature', () => {
    const ex = section('format_example');
    const want = ex.ter as { str: string; signature: string; score: number };
    const score = ter(ex.hyps as string[], ex.refs as string[][]);
    expect(score.format()).toBe(want.str);
    expect(score.signature).toBe(want.signature.replaceAll('2.6.0', VERSION));
    expect(score.score).toBe(want.score);
  });
});
