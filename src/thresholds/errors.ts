/**
 * A threshold configuration that cannot be used: thrown by
 * `parseThresholds` and `loadThresholds` for code-supplied rules. It names
 * the rule and key and, for files, the line.
 * @public
 */
export class ThresholdConfigError extends Error {
  /** Always `ThresholdConfigError`, for checks across realms. */
  override readonly name = 'ThresholdConfigError';
  /** Rule name (or product-document key path), when known. */
  readonly rule: string | undefined;
  /** The offending key, e.g. `condition`. */
  readonly key: string;
  /** 1-based line in the source file, when parsed from text. */
  readonly line: number | undefined;
  /** File name or other label of the source. */
  readonly source: string | undefined;

  constructor(
    problem: string,
    where: { rule?: string; key: string; line?: number; source?: string },
  ) {
    super(describeWhere(where) + problem);
    this.rule = where.rule;
    this.key = where.key;
    this.line = where.line;
    this.source = where.source;
  }
}

function describeWhere(w: {
  rule?: string;
  key: string;
  line?: number;
  source?: string;
}): string {
  const line = w.line === undefined ? undefined : w.source === undefined
    ? `line ${w.line}` : String(w.line);
  const place = [w.source, line].filter((p) => p !== undefined).join(':');
  const rule = w.rule !== undefined ? `rule "${w.rule}", ` : '';
  return `${place !== '' ? place + ': ' : ''}${rule}key "${w.key}": `;
}
