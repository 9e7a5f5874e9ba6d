/**
 * Threshold rules, their in-process evaluation, and the Prometheus rules
 * and Grafana dashboard generated from the same rules.
 * @packageDocumentation
 */
export { ThresholdMonitor } from './monitor.js';
export type { ThresholdMonitorOptions } from './monitor.js';
export type { AlertListener } from './listeners.js';
export type { AlertmanagerOptions } from './notifier.js';
export { ThresholdConfigError } from './errors.js';
export { parseThresholds, DEFAULT_EVALUATION_INTERVAL_MS } from './parse.js';
export type { ParseThresholdsOptions } from './parse.js';
export { loadThresholds, loadThresholdsFromEnv } from './load.js';
export { STATISTICS, SEVERITIES } from './types.js';
export type * from './types.js';
export { generatePrometheusRules, recordName, summaryOf } from './prometheus.js';
export type { PrometheusRulesOptions } from './prometheus.js';
export { generateGrafanaDashboard, GRAFANA_SCHEMA_VERSION } from './grafana.js';
export type { GrafanaDashboardOptions } from './grafana.js';
export type { PrometheusNaming } from './names.js';
