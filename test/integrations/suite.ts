import type http from 'node:http';
import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { correlation } from '../../src/index.js';
import { reporter } from '../../src/internal/report.js';
import { close, downstream, latePost, rawGet, type Seen } from './support.js';

/**
 * One app per framework, built by the test file, with these routes:
 * `GET /work?delay=ms` and `POST /body` (JSON) answer with the `Seen` of
 * `work()`, the POST adding the parsed body; `GET /raw` answers
 * `{ id: correlation.id() }`.
 */
export type StartApp = (downstreamUrl: string) => Promise<{ url: string; close(): Promise<void> }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE}-00f067aa0ba902b7-01`;

function invalidCount(): number {
  return reporter().dropped().invalid_correlation_id;
}

/** The shared conformance suite, run with and without a context manager. */
export function integrationSuite(name: string, startApp: StartApp): void {
  for (const withManager of [false, true]) {
    const label = withManager ? 'with an OpenTelemetry context manager' : 'with no context manager';
    describe(`${name} ${label}`, () => suite(startApp, withManager));
  }
}

function suite(startApp: StartApp, withManager: boolean): void {
  let app: { url: string; close(): Promise<void> };
  let next: { url: string; server: http.Server };

  beforeAll(async () => {
    if (withManager) {
      context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    }
    next = await downstream();
    app = await startApp(next.url);
  });
  afterAll(async () => {
    await app.close();
    await close(next.server);
    context.disable();
  });
  beforeEach(() => correlation.configure({ env: {} }));

  async function call(path: string, headers: Record<string, string> = {}, body?: unknown) {
    const init: RequestInit = { headers: { ...headers } };
    if (body !== undefined) {
      init.method = 'POST';
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const response = await fetch(app.url + path, init);
    return { header: response.headers.get('x-correlation-id'), seen: (await response.json()) as Seen };
  }

  it('keeps a valid ID end to end: handler, outbound fetch, response', async () => {
    const id = 'turn-42.gw:7';

    const { header, seen } = await call('/work?delay=2', { 'x-correlation-id': id });

    expect(header).toBe(id);
    expect(seen.atStart).toBe(id);
    expect(seen.afterAwaits).toBe(id);
    expect(seen.downstream.id).toBe(id);
    expect(seen.downstream.baggage).toContain(`correlation_id=${encodeURIComponent(id)}`);
  });

  it('accepts x-request-id as an alias and echoes under the configured name', async () => {
    const { header, seen } = await call('/work?delay=0', { 'x-request-id': 'abc-123' });

    expect(header).toBe('abc-123');
    expect(seen.atStart).toBe('abc-123');
    expect(seen.downstream.id).toBe('abc-123');
  });

  it('starts a fresh ID when none comes in', async () => {
    const { header, seen } = await call('/work?delay=0');

    expect(header).toMatch(UUID);
    expect(seen.atStart).toBe(header);
    expect(seen.downstream.id).toBe(header);
  });

  it('keeps the ID through body parsing', async () => {
    const { header, seen } = await call('/body', { 'x-correlation-id': 'body-1' }, { a: 1 });

    expect(header).toBe('body-1');
    expect(seen.body).toEqual({ a: 1 });
    expect(seen.atStart).toBe('body-1');
    expect(seen.downstream.id).toBe('body-1');
  });

  it('keeps the ID when the body arrives after the handler started', async () => {
    const res = await latePost(app.url, 'late-1', { b: 2 });

    const seen = JSON.parse(res.body) as Seen;
    expect(res.headers['x-correlation-id']).toBe('late-1');
    expect(seen.body).toEqual({ b: 2 });
    expect(seen.atStart).toBe('late-1');
    expect(seen.downstream.id).toBe('late-1');
  });

  const invalid: [string, string[]][] = [
    ['a comma', ['x-correlation-id: a,b']],
    ['a space', ['x-correlation-id: has space']],
    ['129 characters', [`x-correlation-id: ${'a'.repeat(129)}`]],
    ['non-ASCII bytes', ['x-correlation-id: caf\u00e9']],
    // Node's parser answers 400 to most control characters itself; a tab
    // inside a value reaches the application.
    ['a tab inside', ['x-correlation-id: ab\tcd']],
    ['an empty value', ['x-correlation-id: ']],
    ['repeats that disagree', ['x-correlation-id: one', 'x-correlation-id: two']],
    ['a bad alias', ['x-request-id: <script>']],
    ['a bad baggage member', ['baggage: correlation_id=a%20b']],
  ];
  for (const [what, lines] of invalid) {
    it(`replaces an inbound ID with ${what}, and never echoes it`, async () => {
      const before = invalidCount();

      const res = await rawGet(app.url, lines);

      const echoed = res.headers['x-correlation-id'];
      expect(res.status).toBe(200);
      expect(echoed).toMatch(UUID);
      expect(JSON.parse(res.body)).toEqual({ id: echoed });
      expect(invalidCount()).toBe(before + 1);
      for (const line of lines) {
        const value = line.slice(line.indexOf(':') + 1).trim();
        if (value.length > 2) expect(res.body + JSON.stringify(res.headers)).not.toContain(value);
      }
    });
  }

  it('accepts repeated headers that agree', async () => {
    const res = await rawGet(app.url, ['x-correlation-id: same-1', 'x-correlation-id: same-1']);

    expect(res.headers['x-correlation-id']).toBe('same-1');
    expect(JSON.parse(res.body)).toEqual({ id: 'same-1' });
  });

  it('never mixes up the IDs of hundreds of interleaved requests', async () => {
    const ids = Array.from({ length: 300 }, (_, i) => `req-${i}`);

    const results = await Promise.all(
      ids.map((id, i) => call(`/work?delay=${i % 7}`, { 'x-correlation-id': id })),
    );

    results.forEach(({ header, seen }, i) => {
      expect(header).toBe(ids[i]);
      expect(seen.atStart).toBe(ids[i]);
      expect(seen.afterAwaits).toBe(ids[i]);
      expect(seen.downstream.id).toBe(ids[i]);
    });
  });

  it('sends nothing to hosts outside the allowlist', async () => {
    correlation.configure({ propagationHosts: ['asr.internal', '*.svc.cluster.local'] });

    const { header, seen } = await call('/work?delay=0', {
      'x-correlation-id': 'private-1',
      traceparent: TRACEPARENT,
    });

    expect(header).toBe('private-1');
    expect(seen.atStart).toBe('private-1');
    expect(seen.downstream).toEqual({});
  });

  it('sends to hosts on the allowlist, from the environment too', async () => {
    correlation.configure({ env: { SPEECHMETRY_PROPAGATION_HOSTS: 'mt.internal, 127.0.0.1' } });

    const { seen } = await call('/work?delay=0', { 'x-correlation-id': 'allowed-1' });

    expect(seen.downstream.id).toBe('allowed-1');
  });

  it('reads a custom header name from SPEECHMETRY_CORRELATION_HEADER', async () => {
    correlation.configure({ env: { SPEECHMETRY_CORRELATION_HEADER: 'X-Turn-Id' } });

    const response = await fetch(`${app.url}/work?delay=0`, { headers: { 'x-turn-id': 't-9' } });
    const seen = (await response.json()) as Seen;

    expect(response.headers.get('x-turn-id')).toBe('t-9');
    expect(seen.atStart).toBe('t-9');
    expect(seen.downstream.id).toBeUndefined(); // the downstream reads x-correlation-id
    expect(seen.downstream.baggage).toContain('correlation_id=t-9');
  });

  if (withManager) {
    it('continues a valid traceparent and carries it outbound', async () => {
      const { seen } = await call('/work?delay=0', { traceparent: TRACEPARENT });

      expect(seen.traceId).toBe(TRACE);
      expect(seen.downstream.traceparent).toContain(TRACE);
    });

    it('starts a new trace for an invalid traceparent', async () => {
      const bad = `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`;

      const { seen } = await call('/work?delay=0', { traceparent: bad });

      expect(seen.traceId).toBeUndefined();
      expect(seen.downstream.traceparent).toBeUndefined();
    });
  }
}
