import { labelName, alertName } from './names.js';
import { summaryOf } from './prometheus.js';
import type { PostableAlert } from './notifier.js';
import type { AlertEvent, ThresholdRule } from './types.js';

/**
 * The Alertmanager form of an alert event. The labels are the ones the
 * generated Prometheus alerting rule carries (alertname, severity,
 * speechmetry_rule and the group labels), so an in-process alert and the
 * backend's alert for the same breach deduplicate in the Alertmanager.
 */
export function toPostable(
  rule: ThresholdRule,
  event: AlertEvent,
  startsAt: number,
  endsAt: number,
): PostableAlert {
  const labels: Record<string, string> = {
    alertname: alertName(rule),
    severity: rule.severity,
    speechmetry_rule: rule.name,
  };
  for (const [key, value] of Object.entries(event.group)) {
    if (value !== undefined && value !== null) labels[labelName(key)] = String(value);
  }
  return {
    labels,
    annotations: {
      summary: summaryOf(rule),
      value: format(event.value),
      threshold: format(event.threshold),
      source: 'speechmetry',
    },
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(endsAt).toISOString(),
  };
}

function format(n: number): string {
  return Number.isFinite(n) ? String(Number(n.toPrecision(4))) : 'no data';
}
