import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { correlation } from '../../src/index.js';
import { close, downstream, type Received } from '../integrations/support.js';

let next: { url: string; server: http.Server };
beforeAll(async () => {
  next = await downstream();
});
afterAll(() => close(next.server));
beforeEach(() => correlation.configure({ env: {} }));

function get(options: http.RequestOptions | string): Promise<Received> {
  return new Promise((resolve, reject) => {
    const req = http.request(options, (res) => {
      if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`));
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        if (res.statusCode === 200) resolve(JSON.parse(text) as Received);
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('correlation.wrapFetch', () => {
  const fetchWithId = correlation.wrapFetch(fetch);

  it('adds the ID to a call and keeps the caller headers unmutated', async () => {
    const headers = { accept: 'application/json' };

    const received = await correlation.run('f-1', async () => {
      const response = await fetchWithId(next.url, { headers });
      return (await response.json()) as Received;
    });

    expect(received.id).toBe('f-1');
    expect(received.baggage).toBe('correlation_id=f-1');
    expect(headers).toEqual({ accept: 'application/json' });
  });

  it('adds the ID to a Request input, keeping its own headers', async () => {
    const request = new Request(next.url, { headers: { baggage: 'tenant=acme' } });

    const received = await correlation.run('f-2', async () => (await fetchWithId(request)).json());

    expect(received).toMatchObject({ id: 'f-2', baggage: 'correlation_id=f-2,tenant=acme' });
  });

  it('passes calls to hosts outside the allowlist through untouched', async () => {
    correlation.configure({ propagationHosts: ['localhost:1'] });

    const received = await correlation.run('f-3', async () => (await fetchWithId(next.url)).json());

    expect(received).toEqual({});
  });

  it('lets fetch report its own errors', async () => {
    await expect(fetchWithId('not a url')).rejects.toThrow(TypeError);
  });
});

describe('correlation.requestOptions', () => {
  it('adds the ID to options, a URL string, and raw header arrays', async () => {
    const { port } = new URL(next.url);
    const options = { hostname: '127.0.0.1', port, headers: { accept: '*/*' } };

    const [fromOptions, fromUrl, fromArray] = await correlation.run('n-1', () =>
      Promise.all([
        get(correlation.requestOptions(options)),
        get(correlation.requestOptions(next.url)),
        // With raw header arrays Node adds no Host header of its own.
        get(correlation.requestOptions({ hostname: '127.0.0.1', port, headers: ['host', 'x'] })),
      ]),
    );

    expect([fromOptions.id, fromUrl.id, fromArray.id]).toEqual(['n-1', 'n-1', 'n-1']);
    expect(options.headers).toEqual({ accept: '*/*' });
  });

  it('honours the allowlist with ports', async () => {
    const { port } = new URL(next.url);
    correlation.configure({ propagationHosts: [`127.0.0.1:${Number(port) + 1}`] });
    const blocked = correlation.run('n-2', () => correlation.requestOptions(next.url));
    correlation.configure({ propagationHosts: [`127.0.0.1:${port}`] });
    const allowed = correlation.run('n-2', () => correlation.requestOptions(next.url));

    expect(blocked.headers).toBeUndefined();
    expect(allowed.headers).toMatchObject({ 'x-correlation-id': 'n-2' });
  });

  it('applies the default port of the protocol', () => {
    correlation.configure({ propagationHosts: ['api.internal:443'] });
    const https = correlation.run('p', () => correlation.requestOptions({ host: 'api.internal' }, 'https:'));
    const http80 = correlation.run('p', () => correlation.requestOptions({ host: 'api.internal' }));
    expect(https.headers).toMatchObject({ 'x-correlation-id': 'p' });
    expect(http80.headers).toBeUndefined();
  });
});
