import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import {
  DataPointType,
  type CollectionResult,
  type MetricCollectOptions,
  type MetricData,
} from '@opentelemetry/sdk-metrics';
import { unitSuffix } from '../prometheus/naming.js';

/**
 * The Prometheus scrape endpoint, with unit suffixes in metric names
 * (`speech_translation_duration_seconds`). The official exporter leaves
 * them out; Prometheus' OTLP receiver and the Collector put them in, and
 * one set of names for both paths lets one set of alert rules serve.
 */
export class SuffixedPrometheusExporter extends PrometheusExporter {
  override async collect(options?: MetricCollectOptions): Promise<CollectionResult> {
    const result = await super.collect(options);
    for (const scope of result.resourceMetrics.scopeMetrics) {
      scope.metrics = scope.metrics.map(withSuffix);
    }
    return result;
  }
}

function withSuffix(metric: MetricData): MetricData {
  const { name, unit } = metric.descriptor;
  const suffix = unitSuffix(unit, metric.dataPointType === DataPointType.GAUGE);
  if (suffix === '' || name.endsWith(suffix.replace(/^_/, '.')) || name.endsWith(suffix)) {
    return metric;
  }
  // A copy: the descriptor may be shared with the other readers.
  return { ...metric, descriptor: { ...metric.descriptor, name: name + suffix } } as MetricData;
}
