/**
 * Regression: `correlation.configure(null)` threw a TypeError instead of
 * its typed CorrelationConfigError (found by the no-throw property test).
 */
import { afterEach, expect, it } from 'vitest';
import { correlation, CorrelationConfigError } from '../../src/correlation/index.js';

afterEach(() => correlation.configure({ env: {} }));

it('rejects null and non-object options with a CorrelationConfigError naming them', () => {
  for (const bad of [null, 42, 'x-id']) {
    const attempt = () => correlation.configure(bad as never);
    expect(attempt).toThrow(CorrelationConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as CorrelationConfigError).field).toBe('options');
    }
  }
});

it('keeps the previous options after the rejected call', () => {
  correlation.configure({ header: 'x-trace-me', env: {} });
  expect(() => correlation.configure(null as never)).toThrow(CorrelationConfigError);
  expect(correlation.run('id-1', () => correlation.inject({}))).toHaveProperty('x-trace-me');
});
