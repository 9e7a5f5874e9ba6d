import { AggregationTemporality, DataPointType, InstrumentType } from '@opentelemetry/sdk-metrics';
import type { DataPoint, HistogramMetricData } from '@opentelemetry/sdk-metrics';
import type { CollectionResult } from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import { reporter } from '../../../src/internal/report.js';
import {
  METRIC_ASR_ACTIVE_STREAMS,
  METRIC_ASR_DURATION,
  METRIC_ASR_LANGUAGE_DETECTIONS,
  SCOPE_NAME,
} from '../../../src/semconv.js';
import { CellsSink } from '../../../src/sink/cells/index.js';
import { VERSION } from '../../../src/version.js';

const points = (r: CollectionResult): DataPoint<unknown>[] =>
  r.resourceMetrics.scopeMetrics.flatMap((s) =>
    s.metrics.flatMap((m) => m.dataPoints as DataPoint<unknown>[]),
  );

describe('CellsSink binding', () => {
  it('returns the same cells for the same attribute set, in any key order', () => {
    const histogram = new CellsSink().instrument(METRIC_ASR_DURATION);
    const a = histogram.bind({ 'speech.model': 'm', 'speech.language': 'en' });
    const b = histogram.bind({ 'speech.language': 'en', 'speech.model': 'm' });
    const c = histogram.bind({ 'speech.language': 'de', 'speech.model': 'm' });
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it('exports the attributes as bound, whatever the caller does later', async () => {
    const sink = new CellsSink();
    const attributes: Record<string, string> = { 'speech.model': 'm' };
    const producer = sink.producer();
    sink.instrument(METRIC_ASR_DURATION).bind(attributes).record(1);
    attributes['speech.model'] = 'changed';
    expect(points(await producer.collect())[0]!.attributes).toEqual({ 'speech.model': 'm' });
  });

  it('sends sets past the limit to one overflow series and reports it', async () => {
    const sink = new CellsSink({ cardinalityLimit: 3 });
    const producer = sink.producer();
    const counter = sink.instrument(METRIC_ASR_LANGUAGE_DETECTIONS);
    const before = reporter().dropped().overflow;
    const handles = [0, 1, 2, 3].map((i) => counter.bind({ i }));
    handles.forEach((h, i) => h.record(i + 1));
    counter.bind({ i: 0 }).record(10); // still its own series

    const got = points(await producer.collect()).map((p) => [p.attributes, p.value]);
    expect(got).toEqual([
      [{ i: 0 }, 11],
      [{ i: 1 }, 2],
      [{ 'otel.metric.overflow': true }, 7],
    ]);
    expect(reporter().dropped().overflow - before).toBe(2);
  });
});

describe('CellsSink recording', () => {
  it('counts a value on a boundary in the bucket that boundary closes', async () => {
    const sink = new CellsSink();
    const producer = sink.producer();
    const h = sink.instrument(METRIC_ASR_DURATION).bind({});
    for (const v of [0.2, 0.2000001, 60, 61, 0]) h.record(v);

    const [metric] = (await producer.collect()).resourceMetrics.scopeMetrics[0]!.metrics;
    const data = metric as HistogramMetricData;
    const value = data.dataPoints[0]!.value;
    const bounds = METRIC_ASR_DURATION.buckets!;
    const counts = value.buckets.counts;
    expect(counts[bounds.indexOf(0.2)]).toBe(1);
    expect(counts[bounds.indexOf(0.3)]).toBe(1);
    expect(counts[bounds.indexOf(60)]).toBe(1);
    expect(counts[bounds.length]).toBe(1);
    expect(counts[0]).toBe(1);
    expect([value.count, value.min, value.max]).toEqual([5, 0, 61]);
    expect(data.dataPointType).toBe(DataPointType.HISTOGRAM);
  });

  it('drops negative histogram values and counts them', async () => {
    const sink = new CellsSink();
    const producer = sink.producer();
    const before = reporter().dropped().invalid_value;
    sink.instrument(METRIC_ASR_DURATION).bind({}).record(-0.5);
    expect(reporter().dropped().invalid_value - before).toBe(1);
    expect(points(await producer.collect())).toEqual([]);
  });

  it('leaves bound series that never recorded out of the export', async () => {
    const sink = new CellsSink();
    const producer = sink.producer();
    sink.instrument(METRIC_ASR_DURATION).bind({ 'speech.model': 'idle' });
    const result = await producer.collect();
    expect(result.resourceMetrics.scopeMetrics).toEqual([]);
  });
});

describe('CellsProducer', () => {
  it('reports under the speechmetry scope and version', async () => {
    const sink = new CellsSink();
    const producer = sink.producer();
    sink.instrument(METRIC_ASR_ACTIVE_STREAMS).bind({}).record(1);
    const result = await producer.collect();
    expect(result.errors).toEqual([]);
    expect(result.resourceMetrics.scopeMetrics[0]!.scope).toEqual({ name: SCOPE_NAME, version: VERSION });
  });

  it('asks an exporter-like object for its temporality', async () => {
    const sink = new CellsSink();
    const exporter = {
      selectAggregationTemporality: (t: InstrumentType) =>
        t === InstrumentType.COUNTER ? AggregationTemporality.DELTA : AggregationTemporality.CUMULATIVE,
    };
    const producer = sink.producer({ temporality: exporter });
    const counter = sink.instrument(METRIC_ASR_LANGUAGE_DETECTIONS).bind({});
    counter.record(2);
    await producer.collect();
    counter.record(3);
    const [metric] = (await producer.collect()).resourceMetrics.scopeMetrics[0]!.metrics;
    expect(metric!.aggregationTemporality).toBe(AggregationTemporality.DELTA);
    expect(metric!.dataPoints[0]!.value).toBe(3);
  });

  it('gives a producer added after a collection only what came later', async () => {
    let now = 1_000;
    const sink = new CellsSink({ now: () => now });
    const first = sink.producer();
    const counter = sink.instrument(METRIC_ASR_LANGUAGE_DETECTIONS).bind({});
    counter.record(5);
    await first.collect();

    now = 2_000;
    const late = sink.producer();
    counter.record(1);
    const [point] = points(await late.collect());
    expect(point!.value).toBe(1);
    expect(point!.startTime).toEqual([2, 0]);
    expect(points(await first.collect())[0]!.value).toBe(6);
  });

  it('returns nothing after close, and stops receiving copies', async () => {
    const sink = new CellsSink();
    const kept = sink.producer();
    const closed = sink.producer();
    const counter = sink.instrument(METRIC_ASR_LANGUAGE_DETECTIONS).bind({});
    counter.record(1);
    closed.close();
    closed.close(); // idempotent
    expect((await closed.collect()).resourceMetrics.scopeMetrics).toEqual([]);
    expect(points(await kept.collect())[0]!.value).toBe(1);
  });
});
