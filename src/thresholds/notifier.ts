import { reporter } from '../internal/report.js';

/** Options of the Alertmanager notifier. @public */
export interface AlertmanagerOptions {
  /**
   * Alertmanager base URL (`http://alertmanager:9093`); alerts go to
   * `/api/v2/alerts` under it. User and password in the URL become a
   * basic `Authorization` header. The URL is never logged.
   */
  url: string;
  /** Extra request headers (a bearer token, a tenant). Default none. */
  headers?: Record<string, string>;
  /** Per-request timeout, ms. Default 5000. */
  timeoutMs?: number;
  /** Alerts kept while the Alertmanager is unreachable; oldest dropped. Default 1000. */
  maxQueue?: number;
  /** Attempts per batch before it is dropped. Default 5. */
  maxAttempts?: number;
  /** First retry delay, ms; doubles per attempt up to 30 s. Default 1000. */
  backoffMs?: number;
  /** How often a firing alert is sent again, ms. Default 60000. */
  resendIntervalMs?: number;
  /** The fetch to use (tests). Default the global fetch. */
  fetch?: typeof fetch;
}

/** An alert in Alertmanager API v2's postable form. */
export interface PostableAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt?: string;
}

const BATCH = 64;
const MAX_BACKOFF_MS = 30_000;

/**
 * Posts alerts to an Alertmanager (API v2) without ever blocking the
 * caller: alerts wait in a bounded queue (oldest dropped and counted as
 * `queue_full`), one request is in flight at a time, failures retry with
 * exponential backoff on an unref'd timer, and a batch that fails every
 * attempt is dropped and counted as `export_failed`.
 */
export class AlertmanagerNotifier {
  private readonly endpoint: string;
  private readonly headers: Record<string, string>;
  private readonly queue: PostableAlert[] = [];
  private inFlight: Promise<void> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private closed = false;
  /** Alerts delivered, dropped from the queue, and given up on. */
  readonly counts = { sent: 0, dropped: 0, failed: 0 };
  readonly resendIntervalMs: number;

  constructor(private readonly options: AlertmanagerOptions) {
    const url = new URL(options.url);
    this.headers = { 'content-type': 'application/json', ...options.headers };
    if (url.username !== '' || url.password !== '') {
      const user = decodeURIComponent(url.username);
      const pass = decodeURIComponent(url.password);
      this.headers.authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
      url.username = '';
      url.password = '';
    }
    url.pathname = url.pathname.replace(/\/+$/, '') + '/api/v2/alerts';
    this.endpoint = url.toString();
    this.resendIntervalMs = options.resendIntervalMs ?? 60_000;
  }

  /** Queues an alert and starts sending if idle. Never throws. */
  enqueue(alert: PostableAlert): void {
    if (this.closed) return;
    this.queue.push(alert);
    const cap = this.options.maxQueue ?? 1000;
    while (this.queue.length > cap) {
      this.queue.shift();
      this.counts.dropped++;
      reporter().drop('queue_full', 'Alertmanager notifications');
    }
    this.pump();
  }

  /** Resolves when the queue is empty or the next send failed. */
  async flush(): Promise<void> {
    if (this.retryTimer !== undefined) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
    while (this.queue.length > 0 || this.inFlight !== undefined) {
      const before = this.queue.length;
      this.pump(true);
      await this.inFlight;
      if (this.retryTimer !== undefined || this.queue.length >= before) break;
    }
  }

  /** Sends what is queued within `timeoutMs`, then stops. */
  async shutdown(timeoutMs = 2000): Promise<void> {
    if (this.closed) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
      timer.unref?.();
    });
    await Promise.race([this.flush(), limit]);
    clearTimeout(timer);
    this.closed = true;
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.queue.length = 0;
  }

  private pump(force = false): void {
    if (this.inFlight !== undefined || this.queue.length === 0) return;
    if (this.retryTimer !== undefined && !force) return;
    const batch = this.queue.splice(0, BATCH);
    this.inFlight = this.send(batch).finally(() => {
      this.inFlight = undefined;
      if (!this.closed && this.retryTimer === undefined) this.pump();
    });
  }

  private async send(batch: PostableAlert[]): Promise<void> {
    try {
      const response = await (this.options.fetch ?? fetch)(this.endpoint, {
        method: 'POST',
        headers: this.headers,
        body: JSON.stringify(batch),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new Error(`status ${response.status}`);
      this.attempts = 0;
      this.counts.sent += batch.length;
    } catch (error) {
      this.retry(batch, error);
    }
  }

  private retry(batch: PostableAlert[], error: unknown): void {
    this.attempts++;
    const why = error instanceof Error && /^status \d+$/.test(error.message)
      ? error.message : 'network error or timeout';
    if (this.attempts >= (this.options.maxAttempts ?? 5) || this.closed) {
      this.attempts = 0;
      this.counts.failed += batch.length;
      reporter().drop('export_failed', `Alertmanager push (${why})`, 'alerts dropped');
      return;
    }
    this.queue.unshift(...batch);
    const cap = this.options.maxQueue ?? 1000;
    while (this.queue.length > cap) {
      this.queue.shift();
      this.counts.dropped++;
      reporter().drop('queue_full', 'Alertmanager notifications');
    }
    const base = (this.options.backoffMs ?? 1000) * 2 ** (this.attempts - 1);
    const delay = Math.min(MAX_BACKOFF_MS, base) * (0.8 + 0.4 * Math.random());
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.pump();
    }, delay);
    this.retryTimer.unref?.();
  }
}
