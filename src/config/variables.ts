/**
 * Every `SPEECHMETRY_*` variable, its meaning and default. The README's
 * table is checked against this list by a test.
 */
export interface VariableDoc {
  readonly name: string;
  readonly description: string;
  readonly default: string;
}

/** The speechmetry-specific environment variables. @public */
export const SPEECHMETRY_VARIABLES: readonly VariableDoc[] = Object.freeze([
  {
    name: 'SPEECHMETRY_THRESHOLDS',
    description: 'Path of a YAML or JSON thresholds file',
    default: 'unset (no rules)',
  },
  {
    name: 'SPEECHMETRY_CAPTURE_CONTENT',
    description: 'Put transcripts, translations and TTS text on spans, truncated',
    default: 'false',
  },
  {
    name: 'SPEECHMETRY_CONTENT_MAX_LENGTH',
    description: 'Characters kept of each captured text',
    default: '256',
  },
  {
    name: 'SPEECHMETRY_CORRELATION_HEADER',
    description: 'Header that carries the correlation ID',
    default: 'x-correlation-id',
  },
  {
    name: 'SPEECHMETRY_PROPAGATION_HOSTS',
    description: 'Comma-separated hosts that outbound requests may carry IDs to',
    default: 'unset (all hosts)',
  },
  {
    name: 'SPEECHMETRY_LANGUAGES',
    description: 'Comma-separated language allowlist; others become `other`',
    default: 'unset (all)',
  },
  {
    name: 'SPEECHMETRY_QUALITY_SAMPLE_RATE',
    description: 'Share of operations with references that are scored, 0–1',
    default: '1',
  },
  {
    name: 'SPEECHMETRY_ALERTMANAGER_URL',
    description: 'Alertmanager base URL that firing threshold rules are posted to',
    default: 'unset (no push)',
  },
  {
    name: 'SPEECHMETRY_HOST_METRICS',
    description: 'Also export host and runtime metrics (CPU, memory, event loop)',
    default: 'false',
  },
  {
    name: 'SPEECHMETRY_CARDINALITY_LIMIT',
    description: 'Series per metric before the overflow series is used',
    default: '2000',
  },
]);
