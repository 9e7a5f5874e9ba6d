import type { DiagLogger } from '@opentelemetry/api';

/**
 * The OTLP variables speechmetry resolves itself (src/config/resolve.ts)
 * and passes to the exporters as explicit options. Certificate variables
 * are not in this list: the exporters still read those.
 */
const RESOLVED =
  /^OTEL_EXPORTER_OTLP_(?:(?:METRICS|TRACES)_)?(?:ENDPOINT|HEADERS|PROTOCOL|TIMEOUT|COMPRESSION)$/;

/**
 * Builds an OTLP exporter with the variables speechmetry already resolved
 * hidden from `process.env`. The exporters read them again on their own,
 * even when given explicit options, and warn in their own words: a bad
 * value then warned twice, and their warning quoted the raw value, which
 * for an endpoint may carry credentials. Construction is synchronous, so
 * nothing else runs while the variables are hidden.
 */
export function withoutResolvedOtlpEnv<T>(build: () => T): T {
  const hidden: Array<[string, string]> = [];
  for (const key of Object.keys(process.env)) {
    const value = process.env[key];
    if (value === undefined || !RESOLVED.test(key)) continue;
    hidden.push([key, value]);
    delete process.env[key];
  }
  try {
    return build();
  } finally {
    for (const [key, value] of hidden) process.env[key] = value;
  }
}

interface WithDelegate {
  _delegate?: { _diagLogger?: DiagLogger };
}

/**
 * The OTLP export delegate logs every batch it sends at debug level
 * ("items to be sent", with the spans and their attributes): at the most
 * verbose diag level that copies captured content into the host's logs.
 * This keeps its debug messages and drops their payload. It reaches into
 * the exporter's private `_delegate` (exporter-base 0.223, pinned); when
 * the shape differs it leaves the exporter unchanged.
 */
export function quietExportPayloads<E extends object>(exporter: E): E {
  try {
    const delegate = (exporter as WithDelegate)._delegate;
    const logger = delegate?._diagLogger;
    if (delegate === undefined || logger === undefined) return exporter;
    delegate._diagLogger = {
      error: (message, ...args) => logger.error(message, ...args),
      warn: (message, ...args) => logger.warn(message, ...args),
      info: (message, ...args) => logger.info(message, ...args),
      debug: (message) => logger.debug(message),
      verbose: (message) => logger.verbose(message),
    };
  } catch {
    // A frozen or proxied exporter: leave it as it is.
  }
  return exporter;
}
