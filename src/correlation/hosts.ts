/**
 * The outbound allowlist: which hosts may receive the correlation ID and
 * baggage. An entry is a host name or IP (`asr.internal`, `10.0.0.7`,
 * `[::1]`), optionally with a port (`mt.internal:8443`), or a wildcard for
 * every subdomain (`*.svc.cluster.local`, which does not match the bare
 * suffix itself). Matching is case-insensitive.
 */
export interface HostRule {
  readonly host: string;
  readonly wildcard: boolean;
  readonly port: string | undefined;
}

const ENTRY =
  /^(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i;

/** Parses one entry, or `undefined` when it is not shaped like a host. */
export function parseHostRule(entry: string): HostRule | undefined {
  const m = ENTRY.exec(entry.trim());
  if (m === null) return undefined;
  const wildcard = m[1] !== undefined;
  if (wildcard && m[2]!.startsWith('[')) return undefined;
  return { host: m[2]!.toLowerCase(), wildcard, port: m[3] };
}

/** Compiled allowlist; `undefined` elsewhere means "every host". */
export class HostAllowlist {
  constructor(private readonly rules: readonly HostRule[]) {}

  /**
   * Whether `hostname` on `port` is listed. `hostname` is as the WHATWG
   * URL gives it (IPv6 in brackets); `port` is the effective port.
   */
  allows(hostname: string, port: string): boolean {
    const host = hostname.toLowerCase();
    for (const rule of this.rules) {
      if (rule.port !== undefined && rule.port !== port) continue;
      if (rule.wildcard ? host.endsWith('.' + rule.host) : host === rule.host) {
        return true;
      }
    }
    return false;
  }
}

/** The port a URL really uses: explicit, else the scheme's default. */
export function effectivePort(protocol: string, port: string): string {
  if (port !== '') return port;
  return protocol === 'https:' || protocol === 'wss:' ? '443' : '80';
}
