import { context, propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { CORRELATION_CONTEXT_KEY, currentCorrelationId } from '../../src/correlation/context.js';
import { correlation } from '../../src/index.js';
import { reporter } from '../../src/internal/report.js';

beforeEach(() => correlation.configure({ env: {} }));

function behaviour(): void {
  it('has no ID outside a run', () => {
    expect(correlation.id()).toBeUndefined();
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('keeps the ID across awaits, timers and nested runs', async () => {
    const seen = await correlation.run('outer', async () => {
      await sleep(1);
      const inner = await correlation.run('inner', async () => {
        await new Promise((r) => setImmediate(r));
        return correlation.id();
      });
      return [inner, correlation.id()];
    });
    expect(seen).toEqual(['inner', 'outer']);
    expect(correlation.id()).toBeUndefined();
  });

  it('replaces a missing or invalid run ID with a fresh one, counting the invalid', () => {
    const before = reporter().dropped().invalid_correlation_id;
    const fresh = correlation.run(undefined, () => correlation.id());
    const replaced = correlation.run('bad\nid', () => correlation.id());
    expect(correlation.isValid(fresh)).toBe(true);
    expect(correlation.isValid(replaced)).toBe(true);
    expect(replaced).not.toBe('bad\nid');
    expect(reporter().dropped().invalid_correlation_id).toBe(before + 1);
  });

  it('returns what the function returns', () => {
    expect(correlation.run('r', () => 42)).toBe(42);
  });
}

describe('with no OpenTelemetry context manager', () => {
  behaviour();
});

describe('with an OpenTelemetry context manager', () => {
  const manager = new AsyncLocalStorageContextManager();
  context.setGlobalContextManager(manager.enable());
  afterAll(() => context.disable());

  behaviour();

  it('also puts the ID in the OpenTelemetry context and baggage', () => {
    const ctx = correlation.run('otel-1', () => context.active());
    expect(ctx.getValue(CORRELATION_CONTEXT_KEY)).toBe('otel-1');
    expect(propagation.getBaggage(ctx)?.getEntry('correlation_id')?.value).toBe('otel-1');
  });

  it('reads an ID that only the OpenTelemetry context carries', () => {
    const ctx = correlation.run('bound-1', () => context.active());
    // context.bind restores only the OpenTelemetry context.
    const bound = context.bind(ctx, () => correlation.id());
    expect(bound()).toBe('bound-1');
  });

  it('reads a valid baggage member the host propagation extracted', () => {
    const good = propagation.createBaggage({ correlation_id: { value: 'from-bag' } });
    const bad = propagation.createBaggage({ correlation_id: { value: 'a b' } });
    expect(context.with(propagation.setBaggage(ROOT_CONTEXT, good), () => correlation.id())).toBe('from-bag');
    expect(context.with(propagation.setBaggage(ROOT_CONTEXT, bad), () => correlation.id())).toBeUndefined();
  });
});

describe('process-wide state', () => {
  it('lives on globalThis under Symbol.for keys, shared by every bundle', () => {
    const g = globalThis as Record<symbol, unknown>;
    correlation.run('g-1', () => {
      const storage = g[Symbol.for('speechmetry.correlation.storage')] as { getStore(): unknown };
      expect(storage.getStore()).toBe('g-1');
    });
    correlation.configure({ header: 'x-shared' });
    const config = g[Symbol.for('speechmetry.correlation.config')] as { settings: { header: string } };
    expect(config.settings.header).toBe('x-shared');
  });
});
