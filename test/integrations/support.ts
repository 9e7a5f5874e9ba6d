import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { context, trace } from '@opentelemetry/api';
import { correlation } from '../../src/index.js';

/** Listens on an ephemeral loopback port; returns the base URL. */
export async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** What the downstream server saw of one outbound call. */
export interface Received {
  id: string | undefined;
  baggage: string | undefined;
  traceparent: string | undefined;
}

/**
 * A second local server standing for the next service (or a vendor): it
 * answers each call with the propagation headers it received.
 */
export async function downstream(): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer((req, res) => {
    const body: Received = {
      id: req.headers['x-correlation-id'] as string | undefined,
      baggage: req.headers.baggage as string | undefined,
      traceparent: req.headers.traceparent as string | undefined,
    };
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  });
  return { url: await listen(server), server };
}

/** What a handler reports back about the context it ran in. */
export interface Seen {
  atStart: string | undefined;
  afterAwaits: string | undefined;
  downstream: Received;
  traceId: string | undefined;
  body?: unknown;
}

const fetchWithId = correlation.wrapFetch(fetch);

/**
 * The work every integration test runs inside a handler: read the ID,
 * interleave with other requests through timers and immediates, call the
 * downstream server through the wrapped fetch, read the ID again.
 */
export async function work(downstreamUrl: string, delayMs: number): Promise<Seen> {
  const atStart = correlation.id();
  await sleep(delayMs);
  await new Promise((resolve) => setImmediate(resolve));
  const response = await fetchWithId(`${downstreamUrl}/next`);
  const received = (await response.json()) as Received;
  await sleep(delayMs / 2);
  const span = trace.getSpanContext(context.active());
  return { atStart, afterAwaits: correlation.id(), downstream: received, traceId: span?.traceId };
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A raw HTTP/1.1 GET, so tests can send bytes `fetch` refuses to send. */
export function rawGet(base: string, headerLines: string[]): Promise<RawResponse> {
  return raw(base, ['GET /raw HTTP/1.1', ...headerLines], undefined);
}

/**
 * A raw JSON POST to `/body` whose body arrives 30 ms after the headers,
 * in its own packet: the body's `data` and `end` events then come from
 * the socket, not from the handler's own call stack.
 */
export function latePost(base: string, id: string, body: unknown): Promise<RawResponse> {
  const text = JSON.stringify(body);
  const head = [
    'POST /body HTTP/1.1',
    `x-correlation-id: ${id}`,
    'content-type: application/json',
    `content-length: ${Buffer.byteLength(text)}`,
  ];
  return raw(base, head, text);
}

function raw(base: string, head: string[], body: string | undefined): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => resolve(parse(Buffer.concat(chunks).toString('latin1'))));
    const lines = [head[0]!, 'host: localhost', 'connection: close', ...head.slice(1)];
    socket.write(Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'));
    if (body !== undefined) setTimeout(() => socket.write(body), 30);
  });
}

function parse(text: string): RawResponse {
  const [head, ...rest] = text.split('\r\n\r\n');
  const lines = head!.split('\r\n');
  const status = Number(lines[0]!.split(' ')[1]);
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  return { status, headers, body: rest.join('\r\n\r\n') };
}
