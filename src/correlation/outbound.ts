import type { OutgoingHttpHeaders, RequestOptions } from 'node:http';
import { urlToHttpOptions } from 'node:url';
import { reporter } from '../internal/report.js';
import { settings } from './config.js';
import { effectivePort } from './hosts.js';
import { inject } from './propagate.js';

/** Whether outbound propagation to this URL is allowed. */
export function mayPropagate(url: URL): boolean {
  const hosts = settings().hosts;
  if (hosts === undefined) return true;
  return hosts.allows(url.hostname, effectivePort(url.protocol, url.port));
}

type FetchInput = string | URL | { url: string; headers?: unknown };

function targetOf(input: FetchInput): URL | undefined {
  try {
    if (typeof input === 'string') return new URL(input);
    if (input instanceof URL) return input;
    return new URL(input.url);
  } catch {
    return undefined; // fetch reports a bad URL itself
  }
}

function isRequest(input: unknown): input is Request {
  return typeof Request !== 'undefined' && input instanceof Request;
}

/**
 * Wraps a `fetch` (Node's global undici one or a compatible one) so that
 * each call to an allowed host carries the current ID, baggage and trace
 * context. Calls to other hosts pass through untouched. The caller's
 * headers are copied, never mutated.
 */
export function wrapFetch<F extends typeof fetch>(fetchFn: F): F {
  const wrapped = function (this: unknown, input: FetchInput, init?: RequestInit) {
    return fetchFn.call(this, input as Request, withPropagation(input, init));
  };
  return wrapped as unknown as F;
}

function withPropagation(input: FetchInput, init: RequestInit | undefined) {
  try {
    const url = targetOf(input);
    if (url === undefined || !mayPropagate(url)) return init;
    const source = init?.headers ?? (isRequest(input) ? input.headers : undefined);
    const headers = inject(new Headers(source));
    return { ...init, headers };
  } catch {
    // Headers the caller passed that fetch itself would reject: leave the
    // call as it was so fetch reports its own error.
    reporter().warnOnce('correlation:fetch', () =>
      'correlation could not add headers to a fetch call; sent without them');
    return init;
  }
}

/**
 * Returns a copy of `node:http`/`node:https` request options with the
 * current ID, baggage and trace context added, when the target host is
 * allowed. Accepts what `http.request` accepts: options, a URL string or
 * a `URL`. `defaultProtocol` decides the default port for the allowlist.
 */
export function requestOptions(
  options: RequestOptions | string | URL,
  defaultProtocol: 'http:' | 'https:' = 'http:',
): RequestOptions {
  const opts = normalise(options);
  try {
    if (!mayPropagate(targetOfOptions(opts, defaultProtocol))) return opts;
    return { ...opts, headers: withHeaders(opts.headers) };
  } catch {
    reporter().warnOnce('correlation:request', () =>
      'correlation could not add headers to request options; sent without them');
    return opts;
  }
}

function normalise(options: RequestOptions | string | URL): RequestOptions {
  if (typeof options === 'string') return urlToHttpOptions(new URL(options));
  if (options instanceof URL) return urlToHttpOptions(options);
  return { ...options };
}

function targetOfOptions(o: RequestOptions, defaultProtocol: string): URL {
  const protocol = o.protocol ?? defaultProtocol;
  let host = o.hostname ?? o.host ?? 'localhost';
  if (host.includes(':') && !host.startsWith('[')) host = `[${host}]`;
  const port = o.port ?? o.defaultPort;
  const url = new URL(`${protocol}//${host}`);
  if (port !== undefined && port !== null) url.port = String(port);
  return url;
}

function withHeaders(
  headers: RequestOptions['headers'],
): OutgoingHttpHeaders | readonly string[] {
  if (Array.isArray(headers)) {
    const added = inject({} as Record<string, string>);
    const flat = [...(headers as readonly string[])];
    for (const [k, v] of Object.entries(added)) flat.push(k, v);
    return flat;
  }
  return inject({ ...(headers as OutgoingHttpHeaders | undefined) });
}
