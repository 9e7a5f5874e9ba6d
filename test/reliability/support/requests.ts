/**
 * The exporter's HTTP requests seen from the client side, through Node's
 * diagnostics channel: when each started and when its socket let go.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

/** One export request. */
export interface ExportRequest {
  path: string;
  start: number;
  end?: number;
}

/** Records OTLP export requests until `stop()`. */
export function watchExportRequests(): { requests: ExportRequest[]; stop(): void } {
  const requests: ExportRequest[] = [];
  const onStart = (message: unknown): void => {
    const request = (message as { request: ClientRequest }).request;
    if (!/\/v1\/(metrics|traces)$/.test(request.path)) return;
    const entry: ExportRequest = { path: request.path, start: performance.now() };
    requests.push(entry);
    request.once('close', () => {
      entry.end = performance.now();
    });
  };
  subscribe('http.client.request.start', onStart);
  return { requests, stop: () => unsubscribe('http.client.request.start', onStart) };
}
