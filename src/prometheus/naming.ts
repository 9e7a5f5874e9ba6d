/**
 * How OpenTelemetry units become Prometheus name suffixes, as Prometheus'
 * own OTLP translation does it (names with suffixes): `s` → `_seconds`,
 * `{…}` annotations dropped, `1` → `_ratio` on gauges only. The scrape
 * endpoint and the generated rules both use this, so the two paths
 * agree on names.
 */
const UNIT_WORDS: Readonly<Record<string, string>> = {
  s: 'seconds',
  ms: 'milliseconds',
  us: 'microseconds',
  ns: 'nanoseconds',
  min: 'minutes',
  h: 'hours',
  By: 'bytes',
  KiBy: 'kibibytes',
  MiBy: 'mebibytes',
  '%': 'percent',
};

/** The suffix (with its leading `_`) a unit adds, or '' for none. */
export function unitSuffix(unit: string, gauge: boolean): string {
  if (unit === '' || unit.startsWith('{')) return '';
  if (unit === '1') return gauge ? '_ratio' : '';
  const word = UNIT_WORDS[unit] ?? unit.replace(/[^a-zA-Z0-9_]/g, '_');
  return `_${word}`;
}
