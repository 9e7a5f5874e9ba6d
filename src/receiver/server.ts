/**
 * An in-process OTLP/HTTP receiver: the backend the demo renders from and
 * the integration tests assert against. It decodes real OTLP bytes with
 * the decoders of this folder.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeBody, decompress, encodingOf, type OtlpEncoding } from './decode.js';
import type { OtlpFault, OtlpFaultHook, OtlpSignal } from './faults.js';
import {
  ExportStore,
  flattenMetrics,
  flattenSpans,
  type OtlpReceiverStats,
  type ReceivedExport,
  type ReceivedMetricsExport,
  type ReceivedTraceExport,
} from './store.js';
import type { ReceivedMetric, ReceivedSpan } from './types.js';

/** Options of {@link OtlpReceiver.start}. */
export interface OtlpReceiverOptions {
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** TCP port; 0 picks a free one. Default 0. */
  port?: number;
  /** Decoded exports kept per signal; older ones are evicted. Default 1000. */
  maxExports?: number;
  /** Largest accepted body, in bytes (after decompression too). Default 16 MiB. */
  maxBodyBytes?: number;
  /** Scripted failures; see {@link OtlpFault}. Default none. */
  fault?: OtlpFaultHook;
  /**
   * Keep each accepted body (decompressed) on its export as `body`, for
   * byte-level searches such as the content-canary tests. Default false.
   */
  keepBodies?: boolean;
}

/** Called with every accepted export; errors thrown are ignored. */
export type OtlpExportListener = (e: ReceivedExport) => void;

const PATHS: Record<string, OtlpSignal> = { '/v1/metrics': 'metrics', '/v1/traces': 'traces' };

interface Waiter {
  check: () => boolean;
  resolve: () => void;
  reject: (e: Error) => void;
}

/**
 * An OTLP/HTTP receiver on a loopback port. It accepts `POST /v1/metrics`
 * and `POST /v1/traces` in binary protobuf or JSON, optionally gzip- or
 * deflate-compressed, answers 200 with an empty ExportServiceResponse, and
 * keeps the decoded requests (bounded) for {@link OtlpReceiver.metrics},
 * {@link OtlpReceiver.spans} and {@link OtlpReceiver.waitFor}.
 *
 * @example
 * ```ts
 * const receiver = await OtlpReceiver.start();
 * process.env.OTEL_EXPORTER_OTLP_ENDPOINT = receiver.url;
 * // … run code that exports …
 * await receiver.waitFor((r) => r.metrics('speech.asr.duration').length > 0);
 * await receiver.close();
 * ```
 */
export class OtlpReceiver {
  private readonly store: ExportStore;
  private readonly listeners = new Set<OtlpExportListener>();
  private readonly waiters = new Set<Waiter>();
  private readonly maxBodyBytes: number;
  private readonly keepBodies: boolean;
  private fault: OtlpFaultHook | undefined;
  private closed = false;

  private constructor(
    private readonly server: Server,
    /** Base URL, e.g. `http://127.0.0.1:43117`; what OTEL_EXPORTER_OTLP_ENDPOINT takes. */
    readonly url: string,
    options: OtlpReceiverOptions,
  ) {
    this.store = new ExportStore(options.maxExports ?? 1000);
    this.maxBodyBytes = options.maxBodyBytes ?? 16 * 1024 * 1024;
    this.fault = options.fault;
    this.keepBodies = options.keepBodies ?? false;
  }

  /** Starts a receiver; resolves once it listens. */
  static async start(options: OtlpReceiverOptions = {}): Promise<OtlpReceiver> {
    const server = createServer();
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const shown = host.includes(':') ? `[${host}]` : host;
    const receiver = new OtlpReceiver(server, `http://${shown}:${port}`, options);
    server.on('request', (req, res) => receiver.handle(req, res));
    return receiver;
  }

  /** The port the receiver listens on. */
  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The full URL of one signal's path (what `OTEL_EXPORTER_OTLP_<S>_ENDPOINT` takes). */
  endpoint(signal: OtlpSignal): string {
    return `${this.url}/v1/${signal}`;
  }

  /** Replaces the fault hook; `undefined` answers every request normally. */
  setFault(hook: OtlpFaultHook | undefined): void {
    this.fault = hook;
  }

  /** Accepted metrics exports, oldest first. */
  metricsExports(): ReceivedMetricsExport[] {
    return this.store.exports('metrics');
  }

  /** Accepted trace exports, oldest first. */
  traceExports(): ReceivedTraceExport[] {
    return this.store.exports('traces');
  }

  /** Every received metric (each export's copy), optionally by name. */
  metrics(name?: string): ReceivedMetric[] {
    const all = flattenMetrics(this.store.exports('metrics'));
    return name === undefined ? all : all.filter((m) => m.name === name);
  }

  /** The most recently received copy of a metric, or `undefined`. */
  lastMetric(name: string): ReceivedMetric | undefined {
    return this.metrics(name).at(-1);
  }

  /** Every received span, optionally by name. */
  spans(name?: string): ReceivedSpan[] {
    const all = flattenSpans(this.store.exports('traces'));
    return name === undefined ? all : all.filter((s) => s.name === name);
  }

  /** Counters of requests and bytes (a snapshot). */
  stats(): OtlpReceiverStats {
    return structuredClone(this.store.stats);
  }

  /** Forgets the kept exports (counters stay). */
  clear(): void {
    this.store.clear();
  }

  /** Calls `listener` with each accepted export; returns an unsubscribe. */
  onExport(listener: OtlpExportListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves once `predicate(receiver)` holds, checked now and after each
   * accepted or faulted export; rejects after `timeoutMs` (default 10 000 ms) with
   * what had arrived, or when the receiver closes.
   */
  waitFor(predicate: (r: OtlpReceiver) => boolean, timeoutMs = 10_000): Promise<void> {
    if (this.safeCheck(predicate)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        check: () => this.safeCheck(predicate),
        resolve: () => done(resolve),
        reject: (e) => done(() => reject(e)),
      };
      const timer = setTimeout(() => waiter.reject(this.timeoutError(timeoutMs)), timeoutMs);
      const done = (settle: () => void): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        settle();
      };
      this.waiters.add(waiter);
    });
  }

  /** Stops listening, drops held connections and rejects pending waits. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const w of [...this.waiters]) w.reject(new Error('OTLP receiver closed'));
    const stopped = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await stopped;
  }

  private safeCheck(predicate: (r: OtlpReceiver) => boolean): boolean {
    try {
      return predicate(this);
    } catch {
      return false;
    }
  }

  private timeoutError(ms: number): Error {
    const names = [...new Set(this.metrics().map((m) => m.name))].sort();
    const spans = [...new Set(this.spans().map((s) => s.name))].sort();
    return new Error(
      `OTLP receiver: condition not met within ${ms} ms; ` +
        `metrics seen: [${names.join(', ')}]; spans seen: [${spans.join(', ')}]`,
    );
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const signal = PATHS[(req.url ?? '').split('?')[0]!];
    if (signal === undefined) return this.reject(req, res, 404, 'unknown path');
    this.store.stats.requests[signal]++;
    if (req.method !== 'POST') return this.reject(req, res, 405, 'POST only');
    const encoding = encodingOf(req.headers['content-type']);
    if (encoding === undefined) return this.reject(req, res, 415, 'unsupported content-type');
    this.readBody(req, res, (wire) => this.received(req, res, signal, encoding, wire));
  }

  private readBody(req: IncomingMessage, res: ServerResponse, then: (b: Buffer) => void): void {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      this.store.stats.wireBytes += chunk.length;
      if (size <= this.maxBodyBytes) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > this.maxBodyBytes) this.reject(req, res, 413, 'body too large');
      else then(Buffer.concat(chunks));
    });
    req.on('error', () => res.destroy());
  }

  private received(
    req: IncomingMessage,
    res: ServerResponse,
    signal: OtlpSignal,
    encoding: OtlpEncoding,
    wire: Buffer,
  ): void {
    const fault = this.pickFault(req, signal, wire.length);
    if (fault !== undefined && fault.kind !== 'slow' && fault.kind !== 'garbage') {
      this.store.stats.faulted++;
      applyFault(res, fault);
      return this.notifyWaiters();
    }
    let entry: ReceivedExport;
    try {
      const body = decompress(wire, req.headers['content-encoding']);
      if (body.length > this.maxBodyBytes) return this.reject(req, res, 413, 'body too large');
      const request = decodeBody(signal, body, encoding);
      entry = {
        signal,
        request,
        encoding,
        wireBytes: wire.length,
        bodyBytes: body.length,
        receivedAt: Date.now(),
        headers: { ...req.headers },
        ...(this.keepBodies ? { body } : {}),
      } as ReceivedExport;
    } catch (error) {
      return this.reject(req, res, 400, `undecodable body: ${(error as Error).message}`);
    }
    this.accept(entry);
    if (fault !== undefined) this.store.stats.faulted++;
    const answer = (): void => respond(res, encoding, fault?.kind === 'garbage');
    if (fault?.kind === 'slow') setTimeout(answer, fault.delayMs);
    else answer();
  }

  private pickFault(req: IncomingMessage, signal: OtlpSignal, wireBytes: number) {
    if (this.fault === undefined) return undefined;
    try {
      const attempt = this.store.stats.requests[signal];
      return this.fault({ signal, attempt, wireBytes, headers: req.headers });
    } catch {
      return undefined;
    }
  }

  private accept(entry: ReceivedExport): void {
    this.store.add(entry);
    for (const listener of this.listeners) {
      try {
        listener(entry);
      } catch {
        // A listener's bug must not turn an accepted export into a failure.
      }
    }
    this.notifyWaiters();
  }

  private notifyWaiters(): void {
    for (const w of [...this.waiters]) if (w.check()) w.resolve();
  }

  private reject(req: IncomingMessage, res: ServerResponse, status: number, why: string): void {
    this.store.stats.rejected++;
    req.resume();
    res.writeHead(status, { 'content-type': 'text/plain' }).end(`${why}\n`);
  }
}

// An empty ExportServiceResponse is zero bytes in protobuf and `{}` in JSON.
function respond(res: ServerResponse, encoding: OtlpEncoding, garbage: boolean): void {
  if (res.destroyed) return;
  const type = encoding === 'protobuf' ? 'application/x-protobuf' : 'application/json';
  // 0xff is an invalid tag byte in protobuf and invalid UTF-8 in JSON.
  const body = garbage ? Buffer.from([0xff, 0xff, 0xff]) : encoding === 'json' ? '{}' : '';
  res.writeHead(200, { 'content-type': type }).end(body);
}

function applyFault(res: ServerResponse, fault: OtlpFault): void {
  if (fault.kind === 'refuse') {
    res.socket?.destroy();
    return;
  }
  if (fault.kind === 'hang') return;
  if (fault.kind !== 'status') return;
  const headers: Record<string, string> = { 'content-type': 'text/plain' };
  if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
  res.writeHead(fault.status, headers).end(`scripted ${fault.status}\n`);
}
