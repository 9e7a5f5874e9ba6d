import { diag, DiagLogLevel } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { settings } from '../../src/correlation/config.js';
import { HostAllowlist, parseHostRule } from '../../src/correlation/hosts.js';
import { correlation, CorrelationConfigError } from '../../src/index.js';

afterEach(() => correlation.configure({ env: {} }));

function configError(options: Parameters<typeof correlation.configure>[0]): CorrelationConfigError {
  try {
    correlation.configure(options);
  } catch (error) {
    if (error instanceof CorrelationConfigError) return error;
    throw error;
  }
  throw new Error('configure did not throw');
}

describe('correlation.configure', () => {
  it('uses the defaults when nothing is set', () => {
    correlation.configure({ env: {} });
    const s = settings();
    expect(s.header).toBe('x-correlation-id');
    expect(s.aliases).toEqual(['x-request-id']);
    expect(s.hosts).toBeUndefined();
    expect(s.baggageKey).toBe('correlation_id');
    expect(s.trustInbound).toBe(true);
  });

  it('reads the environment, code options first', () => {
    const env = { SPEECHMETRY_CORRELATION_HEADER: 'X-Trace-Id', SPEECHMETRY_PROPAGATION_HOSTS: ' ' };
    correlation.configure({ env });
    expect(settings().header).toBe('x-trace-id');
    expect(settings().hosts).toBeUndefined(); // blank means unset

    correlation.configure({ env, header: 'X-Turn', propagationHosts: [] });
    expect(settings().header).toBe('x-turn');
    expect(settings().hosts?.allows('127.0.0.1', '80')).toBe(false);
  });

  it.each([
    [{ header: 'bad header' }, 'header'],
    [{ header: '' }, 'header'],
    [{ aliases: 'x-request-id' as never }, 'aliases'],
    [{ aliases: ['ok', 'no\n'] }, 'aliases[1]'],
    [{ propagationHosts: ['ok.internal', 'http://x'] }, 'propagationHosts[1]'],
    [{ propagationHosts: 'x' as never }, 'propagationHosts'],
    [{ baggageKey: 'a=b' }, 'baggageKey'],
    [{ trustInbound: 'yes' as never }, 'trustInbound'],
  ])('throws a typed error naming the field for %j', (options, field) => {
    correlation.configure({ env: {}, header: 'x-kept' });

    const error = configError(options);

    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
    expect(settings().header).toBe('x-kept'); // the previous options stay
  });

  it('warns about a bad environment value and falls back, never throwing', () => {
    const warnings: string[] = [];
    const warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    const noop = () => {};
    diag.setLogger({ warn, error: noop, info: noop, debug: noop, verbose: noop }, DiagLogLevel.WARN);

    correlation.configure({
      env: { SPEECHMETRY_CORRELATION_HEADER: 'a b', SPEECHMETRY_PROPAGATION_HOSTS: 'http://x/' },
    });

    expect(settings().header).toBe('x-correlation-id');
    // Every entry bad: restricted to nothing rather than open to all.
    expect(settings().hosts?.allows('x', '80')).toBe(false);
    expect(warnings.some((w) => w.includes('SPEECHMETRY_CORRELATION_HEADER'))).toBe(true);
    expect(warnings.some((w) => w.includes('SPEECHMETRY_PROPAGATION_HOSTS'))).toBe(true);
    diag.disable();
  });
});

describe('host allowlist', () => {
  const list = new HostAllowlist(
    ['asr.internal', '*.svc.cluster.local', 'mt.internal:8443', '[::1]', '10.0.0.7'].map(
      (e) => parseHostRule(e)!,
    ),
  );

  it.each([
    ['asr.internal', '443', true],
    ['ASR.Internal', '80', true],
    ['tts.ns.svc.cluster.local', '80', true],
    ['svc.cluster.local', '80', false],
    ['evil-svc.cluster.local', '80', false],
    ['mt.internal', '8443', true],
    ['mt.internal', '443', false],
    ['[::1]', '3000', true],
    ['10.0.0.7', '80', true],
    ['10.0.0.70', '80', false],
    ['asr.internal.evil.com', '80', false],
    ['api.vendor.com', '443', false],
  ])('%s:%s allowed is %s', (host, port, allowed) => {
    expect(list.allows(host, port)).toBe(allowed);
  });

  it('rejects entries that are not hosts', () => {
    for (const entry of ['', 'http://a', 'a/b', '*.[::1]', 'a b', '*']) {
      expect(parseHostRule(entry)).toBeUndefined();
    }
  });
});
