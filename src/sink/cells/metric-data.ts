import type { HrTime } from '@opentelemetry/api';
import {
  AggregationTemporality,
  DataPointType,
  type DataPoint,
  type Histogram,
  type MetricData,
} from '@opentelemetry/sdk-metrics';
import { GaugeCell, HistogramCell, SumCell, type Cell } from './cells.js';
import type { CellInstrument, SeriesEntry } from './instrument.js';

/** One series as a producer reports it: accumulated cells and start. */
export interface ReportedSeries {
  readonly entry: SeriesEntry;
  readonly cell: Cell;
  readonly startTime: HrTime;
}

/**
 * Builds the MetricData sdk-metrics would build for the same records:
 * same data point type, value shape and descriptor. Returns undefined
 * when there is no point, as sdk-metrics leaves such a metric out.
 */
export function toMetricData(
  instrument: CellInstrument,
  temporality: AggregationTemporality,
  series: readonly ReportedSeries[],
  endTime: HrTime,
): MetricData | undefined {
  if (series.length === 0) return undefined;
  const descriptor = instrument.descriptor;
  const base = { descriptor, aggregationTemporality: temporality };
  switch (instrument.definition.kind) {
    case 'histogram':
      return {
        ...base,
        dataPointType: DataPointType.HISTOGRAM,
        dataPoints: series.map((s) => histogramPoint(s, instrument.boundaries, endTime)),
      };
    case 'counter':
    case 'updowncounter':
      return {
        ...base,
        dataPointType: DataPointType.SUM,
        isMonotonic: (series[0]!.cell as SumCell).monotonic,
        dataPoints: series.map((s) => point(s, (s.cell as SumCell).sum, endTime)),
      };
    case 'gauge':
      return {
        ...base,
        dataPointType: DataPointType.GAUGE,
        dataPoints: series.map((s) => point(s, (s.cell as GaugeCell).value, endTime)),
      };
  }
}

function point<T>(s: ReportedSeries, value: T, endTime: HrTime): DataPoint<T> {
  return { attributes: s.entry.attributes, startTime: s.startTime, endTime, value };
}

function histogramPoint(
  s: ReportedSeries,
  boundaries: number[],
  endTime: HrTime,
): DataPoint<Histogram> {
  const cell = s.cell as HistogramCell;
  return point(s, {
    min: cell.min,
    max: cell.max,
    sum: cell.sum,
    buckets: { boundaries, counts: Array.from(cell.counts) },
    count: cell.n,
  }, endTime);
}
