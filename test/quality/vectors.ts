// Loads the visible sacreBLEU reference vectors (see their README.md).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FILE = fileURLToPath(new URL(
  '../../../shared/reference-vectors/sacrebleu-test-vectors.json',
  import.meta.url,
));

// Cases are heterogeneous JSON; each test reads the fields it needs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Case = any;

export interface Section {
  call?: string;
  tolerance?: number;
  kwargs?: Record<string, unknown>;
  cases: Case[];
  [key: string]: unknown;
}

const data = JSON.parse(readFileSync(FILE, 'utf8')) as {
  sections: Record<string, Section>;
};

/** One section of the vectors file. */
export function section(name: string): Section {
  const found = data.sections[name];
  if (found === undefined) throw new Error(`no section ${name}`);
  return found;
}

/** The BLEU statistics sacreBLEU reported, in our field names. */
export function expectedStats(c: Case): Record<string, unknown> {
  return {
    counts: c.counts, totals: c.totals, bp: c.bp,
    sysLen: c.sys_len, refLen: c.ref_len,
  };
}
