/**
 * Cardinality: 100,000 distinct model names on one instrument. The
 * exported series stay at the limit, the overflow series included (as
 * sdk-metrics counts it: limit - 1 ordinary series, then
 * `otel.metric.overflow`), totals still equal what was recorded, and
 * memory stops growing once the limit is reached.
 */
import { describe, expect, it } from 'vitest';
import { OtlpReceiver } from '../../src/receiver/index.js';
import type { ReceivedMetric } from '../../src/receiver/types.js';
import { startTelemetry } from '../../src/setup/start.js';
import type { HistogramAggregation } from '../../src/config/options.js';
import { exposeGc } from './support/memory.js';

const LIMIT = 500;
const DISTINCT = 100_000;

type Point = { attributes: Record<string, unknown>; value: number; time: bigint };

function pointsOf(m: ReceivedMetric): Point[] {
  if (m.type === 'sum') {
    return m.dataPoints.map((p) => ({
      attributes: p.attributes, value: Number(p.value), time: p.timeUnixNano,
    }));
  }
  if (m.type === 'histogram' || m.type === 'exponentialHistogram') {
    return m.dataPoints.map((p) => ({
      attributes: p.attributes, value: p.count, time: p.timeUnixNano,
    }));
  }
  return [];
}

/**
 * The points of the first collection. One collection may arrive in
 * several requests (at most 1,000 points each); its points share their
 * timestamp, and the shutdown's later collection repeats them.
 */
function firstCollection(copies: ReceivedMetric[]): Point[] {
  const all = copies.flatMap(pointsOf);
  const first = all[0]?.time;
  return all.filter((p) => p.time === first);
}

describe.each([
  ['cells sink', 'explicit_bucket_histogram'],
  ['OpenTelemetry instruments', 'base2_exponential_bucket_histogram'],
] as const)('100,000 distinct attribute values (%s)', (_sink, aggregation) => {
  it('exports the limit of series with exact totals; memory bounded', async () => {
    const gc = exposeGc();
    const receiver = await OtlpReceiver.start();
    const t = startTelemetry({
      env: {},
      registerGlobal: false,
      tracesExporter: 'none',
      otlpMetrics: { url: receiver.endpoint('metrics') },
      exportIntervalMillis: 600_000,
      cardinalityLimit: LIMIT,
      histogramAggregation: aggregation as HistogramAggregation,
    });
    const overflowBefore = t.status().dropped.overflow;
    const heap: number[] = [];
    const half = DISTINCT / 2;
    for (let i = 0; i < DISTINCT; i++) {
      const model = `model-${i}`;
      t.translation.recordCost(1, { model });
      t.asr.start({ model }).end({ audioSeconds: 1 });
      if (i === half - 1 || i === DISTINCT - 1) {
        gc();
        heap.push(process.memoryUsage().heapUsed);
      }
    }
    await t.forceFlush();
    const overflowAtExport = t.status().dropped.overflow;
    await t.shutdown();
    await receiver.close();

    for (const name of ['speech.cost', 'speech.asr.duration']) {
      const all = firstCollection(receiver.metrics(name));
      expect(all, name).toHaveLength(LIMIT);
      const overflow = all.filter((p) => p.attributes['otel.metric.overflow'] === true);
      expect(overflow, name).toHaveLength(1);
      expect(all.reduce((n, p) => n + p.value, 0), name).toBe(DISTINCT);
      expect(overflow[0]!.value, name).toBe(DISTINCT - (LIMIT - 1));
    }

    // The second 50,000 distinct values cost next to nothing: every one
    // lands in the overflow series, nothing per value is kept.
    const growthMb = (heap[1]! - heap[0]!) / 2 ** 20;
    console.log(JSON.stringify({ sink: _sink, limit: LIMIT, distinct: DISTINCT,
      heapGrowthSecondHalfMb: Number(growthMb.toFixed(2)) }));
    expect(growthMb).toBeLessThan(4);

    if (aggregation === 'explicit_bucket_histogram') {
      // The cells sink counts what went to overflow; it is exported too.
      expect(overflowAtExport).toBeGreaterThan(overflowBefore);
      const dropped = firstCollection(receiver.metrics('speechmetry.dropped'));
      const exported = dropped.find((p) => p.attributes['speechmetry.drop.reason'] === 'overflow');
      expect(exported?.value).toBe(overflowAtExport);
    }
  });
});
