import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// STYLE.md habit 5: every public export has a TSDoc summary. API Extractor
// marks a member without one `// (undocumented)` in the committed report,
// so the reports are where the habit is checked.
const etc = new URL('../etc/', import.meta.url);

/** One report per entry point: the main one plus one per etc config. */
function expectedReports(): string[] {
  const entries = readdirSync(etc)
    .map((f) => /^api-extractor\.(.+)\.json$/.exec(f)?.[1])
    .filter((e): e is string => e !== undefined);
  const others = entries.map((e) => `speechmetry-${e}.api.md`);
  return ['speechmetry.api.md', ...others];
}

/** The declaration lines the report marks as undocumented. */
export function undocumented(report: string): string[] {
  const lines = report.split('\n');
  const found: string[] = [];
  lines.forEach((line, i) => {
    if (line.includes('(undocumented)')) {
      found.push((lines[i + 1] ?? line).trim());
    }
  });
  return found;
}

describe('API reports', () => {
  it('the detector finds a marked member', () => {
    const report =
      'export interface X {\n    // (undocumented)\n    a: number;\n}';

    expect(undocumented(report)).toEqual(['a: number;']);
  });

  it('a report exists for every entry point', () => {
    const present = readdirSync(etc).filter((f) => f.endsWith('.api.md'));

    expect(expectedReports().length).toBeGreaterThanOrEqual(2);
    expect(present.sort()).toEqual(expect.arrayContaining(expectedReports()));
  });

  const reports = readdirSync(etc).filter((f) => f.endsWith('.api.md'));
  it.each(reports)('%s documents every member', (file) => {
    const report = readFileSync(new URL(file, etc), 'utf8');

    expect(report).toContain('## API Report File');
    expect(undocumented(report)).toEqual([]);
  });
});
