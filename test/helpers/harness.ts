import { AggregationTemporality, MeterProvider, MetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { MetricData } from '@opentelemetry/sdk-metrics';
import { AsrFamily } from '../../src/families/asr.js';
import { PipelineFamily } from '../../src/families/pipeline.js';
import { TranslationFamily } from '../../src/families/translation.js';
import { TtsFamily } from '../../src/families/tts.js';
import { buildContext, type ContextParts } from '../../src/setup/build.js';
import { CellsSink } from '../../src/sink/cells/index.js';
import { OtelSink } from '../../src/sink/otel-sink.js';

/** A reader the test collects from by hand. */
export class ManualReader extends MetricReader {
  constructor(temporality = AggregationTemporality.CUMULATIVE, producers = [] as never[]) {
    super({ aggregationTemporalitySelector: () => temporality, metricProducers: producers });
  }
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

/** The four families on a real sink, span exporter and metric reader. */
export function harness(
  kind: 'cells' | 'otel' = 'cells',
  extra: Partial<ContextParts> = {},
) {
  const cells = new CellsSink();
  const reader = new ManualReader(
    AggregationTemporality.CUMULATIVE,
    kind === 'cells' ? [cells.producer() as never] : [],
  );
  const meterProvider = new MeterProvider({ readers: [reader] });
  const spans = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(spans)],
  });
  const sink = kind === 'cells' ? cells : new OtelSink(meterProvider.getMeter('speechmetry'));
  const { ctx, recorder } = buildContext({
    sink,
    tracer: tracerProvider.getTracer('speechmetry'),
    captureContent: false,
    contentMaxLength: 256,
    scoring: undefined,
    cacheLimit: 100,
    ...extra,
  });
  const asr = new AsrFamily(ctx);
  const translation = new TranslationFamily(ctx);
  const tts = new TtsFamily(ctx);
  const pipeline = new PipelineFamily(ctx, { asr, translation, tts });
  async function collect(): Promise<MetricData[]> {
    const { resourceMetrics } = await reader.collect();
    return flatten(resourceMetrics);
  }
  return { asr, translation, tts, pipeline, spans, collect, recorder, ctx };
}

export function flatten(rm: ResourceMetrics): MetricData[] {
  return rm.scopeMetrics.flatMap((s) => s.metrics);
}

/** The single metric with this name, or a thrown error naming what exists. */
export function metric(all: MetricData[], name: string): MetricData {
  const found = all.filter((m) => m.descriptor.name === name);
  if (found.length !== 1) {
    throw new Error(`${name}: ${found.length} found among ${all.map((m) => m.descriptor.name).join(', ')}`);
  }
  return found[0]!;
}
