/**
 * Correlation IDs: one ID per request or message, kept in async context,
 * OpenTelemetry context and W3C baggage, read from and written to headers.
 *
 * @packageDocumentation
 */
export { correlation, type Correlation } from './api.js';
export type { CorrelationCarrier, HeaderValue, HeadersLike } from './carrier.js';
export type { CorrelationOptions } from './config.js';
export { CorrelationConfigError } from './errors.js';
export type { CorrelationIntegrationOptions } from './inbound.js';
export type { CorrelationLogFields } from './logs.js';
