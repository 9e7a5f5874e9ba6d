import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import { currentCorrelationId } from './context.js';

/**
 * Fields that tie a log record to its request and trace. A field is left
 * out when there is nothing to put in it, so loggers print no `undefined`.
 * @public
 */
export interface CorrelationLogFields {
  /** The request's correlation ID, as received or generated. */
  correlation_id?: string;
  /** Trace ID of the active span, 32 lowercase hex digits. */
  trace_id?: string;
  /** Span ID of the active span, 16 lowercase hex digits. */
  span_id?: string;
}

/**
 * The log fields of the current context: the correlation ID and, when a
 * span is active, its trace and span IDs. Takes no arguments, so it can be
 * passed as pino's `mixin` as it is: `pino({ mixin: correlation.logFields })`.
 */
export function logFields(): CorrelationLogFields {
  const fields: CorrelationLogFields = {};
  try {
    const id = currentCorrelationId();
    if (id !== undefined) fields.correlation_id = id;
    const span = trace.getSpanContext(context.active());
    if (span !== undefined && isSpanContextValid(span)) {
      fields.trace_id = span.traceId;
      fields.span_id = span.spanId;
    }
  } catch {
    // A logger call must never fail because of its mixin.
  }
  return fields;
}
