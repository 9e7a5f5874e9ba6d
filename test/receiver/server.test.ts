import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OtlpReceiver, failNext } from '../../src/receiver/index.js';

let receiver: OtlpReceiver;
beforeEach(async () => {
  receiver = await OtlpReceiver.start({ maxExports: 2 });
});
afterEach(async () => {
  await receiver.close();
});

const SPAN_JSON = JSON.stringify({
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] },
      scopeSpans: [
        {
          scope: { name: 'sc' },
          spans: [
            {
              traceId: '5B8EFFF798038103D269B633813FC60C',
              spanId: 'EEE19B7EC3C1B174',
              name: 'json span',
              kind: 'SPAN_KIND_CLIENT',
              startTimeUnixNano: '1544712660000000000',
              endTimeUnixNano: 1544712661000000000,
              attributes: [{ key: 'n', value: { intValue: '42' } }],
              status: { code: 2 },
            },
          ],
        },
      ],
    },
  ],
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function post(path: string, body: string | Buffer, headers: Record<string, string>) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request(`${receiver.url}${path}`, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };

describe('OtlpReceiver over HTTP', () => {
  it('decodes OTLP/JSON with upper-case hex, enum names and string int64', async () => {
    const reply = await post('/v1/traces', SPAN_JSON, JSON_TYPE);
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toBe('{}');
    const [span] = receiver.spans('json span');
    expect(span).toMatchObject({
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: 'eee19b7ec3c1b174',
      kind: 'client',
      startTimeUnixNano: 1544712660000000000n,
      endTimeUnixNano: 1544712661000000000n,
      attributes: { n: 42 },
      status: { code: 'error', message: '' },
      scope: { name: 'sc' },
      resource: { attributes: { 'service.name': 'svc' } },
    });
  });

  it('accepts gzip and answers protobuf with an empty body', async () => {
    const gz = gzipSync(Buffer.from(SPAN_JSON));
    const reply = await post('/v1/traces', gz, { ...JSON_TYPE, 'content-encoding': 'gzip' });
    expect(reply.status).toBe(200);
    expect(receiver.spans('json span')).toHaveLength(1);
    expect(receiver.stats().wireBytes).toBe(gz.length);

    const empty = await post('/v1/metrics', Buffer.alloc(0), {
      'content-type': 'application/x-protobuf',
    });
    expect(empty.status).toBe(200);
    expect(empty.headers['content-type']).toBe('application/x-protobuf');
    expect(empty.body).toHaveLength(0);
    expect(receiver.metricsExports()[0]!.request).toEqual({ resourceMetrics: [] });
  });

  it('rejects bad paths, types and bodies with 4xx and keeps nothing', async () => {
    expect((await post('/v1/logs', '{}', JSON_TYPE)).status).toBe(404);
    expect((await post('/v1/traces', '{}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post('/v1/traces', '{not json', JSON_TYPE)).status).toBe(400);
    const truncated = Buffer.from([0x0a, 0x10, 0x01]);
    const proto = { 'content-type': 'application/x-protobuf' };
    expect((await post('/v1/metrics', truncated, proto)).status).toBe(400);
    expect(receiver.stats().rejected).toBe(4);
    expect(receiver.spans()).toHaveLength(0);
  });

  it('keeps only the newest exports and counts the evicted', async () => {
    for (let i = 0; i < 3; i++) await post('/v1/traces', SPAN_JSON, JSON_TYPE);
    expect(receiver.traceExports()).toHaveLength(2);
    expect(receiver.stats()).toMatchObject({ evicted: 1, accepted: { traces: 3 } });
  });

  it('answers scripted 429 with Retry-After and keeps nothing', async () => {
    receiver.setFault(failNext(1, { kind: 'status', status: 429, retryAfter: 3 }, 'traces'));
    const first = await post('/v1/traces', SPAN_JSON, JSON_TYPE);
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('3');
    expect(receiver.spans()).toHaveLength(0);
    const second = await post('/v1/traces', SPAN_JSON, JSON_TYPE);
    expect(second.status).toBe(200);
    expect(receiver.stats()).toMatchObject({ faulted: 1, requests: { traces: 2 } });
  });

  it('refuses by resetting the connection', async () => {
    receiver.setFault(() => ({ kind: 'refuse' }));
    await expect(post('/v1/traces', SPAN_JSON, JSON_TYPE)).rejects.toThrow();
  });

  it('answers garbage with 200 and a body that is not a response', async () => {
    receiver.setFault(() => ({ kind: 'garbage' }));
    const reply = await post('/v1/traces', SPAN_JSON, JSON_TYPE);
    expect(reply.status).toBe(200);
    expect(() => JSON.parse(reply.body.toString())).toThrow();
    expect(receiver.spans()).toHaveLength(1);
  });

  it('slow answers still keep the data; hang holds until close', async () => {
    receiver.setFault(failNext(1, { kind: 'slow', delayMs: 50 }));
    expect((await post('/v1/traces', SPAN_JSON, JSON_TYPE)).status).toBe(200);

    receiver.setFault(() => ({ kind: 'hang' }));
    let settled = false;
    const hanging = post('/v1/traces', SPAN_JSON, JSON_TYPE).finally(() => (settled = true));
    await receiver.waitFor((r) => r.stats().faulted === 2, 2000);
    expect(settled).toBe(false);
    await receiver.close();
    await expect(hanging).rejects.toThrow();
  });

  it('waitFor rejects with what arrived when the condition never holds', async () => {
    await post('/v1/traces', SPAN_JSON, JSON_TYPE);
    await expect(receiver.waitFor((r) => r.spans('never').length > 0, 50)).rejects.toThrow(
      /spans seen: \[json span\]/,
    );
  });
});
