import { envList, envString, type Env } from '../config/env.js';
import { reporter } from '../internal/report.js';
import { CorrelationConfigError } from './errors.js';
import { HostAllowlist, parseHostRule, type HostRule } from './hosts.js';

/**
 * Code options for correlation. Each `correlation.configure` call
 * replaces the previous options; a field left out falls back to its
 * environment variable, then to its default.
 * @public
 */
export interface CorrelationOptions {
  /**
   * Header that carries the ID in and out, case-insensitive.
   * Default: `SPEECHMETRY_CORRELATION_HEADER`, else `x-correlation-id`.
   */
  header?: string;
  /**
   * Further inbound headers read, in order, when `header` is absent.
   * Never written. Default: `['x-request-id']`.
   */
  aliases?: readonly string[];
  /**
   * Hosts that outbound helpers (`wrapFetch`, `requestOptions`) may send
   * the ID and baggage to; see the README for the entry forms. `null`
   * means every host, `[]` no host. Default:
   * `SPEECHMETRY_PROPAGATION_HOSTS`, else every host.
   */
  propagationHosts?: readonly string[] | null;
  /** W3C baggage member that carries the ID. Default: `correlation_id`. */
  baggageKey?: string;
  /**
   * Whether inbound IDs are accepted at all. An edge service facing the
   * public internet may set `false` to start every request with a fresh
   * ID. Default: `true`.
   */
  trustInbound?: boolean;
  /** The environment to read. Default: `process.env`. */
  env?: Env;
}

/** The settings in force, resolved once per configuration. */
export interface CorrelationSettings {
  readonly header: string;
  readonly aliases: readonly string[];
  readonly hosts: HostAllowlist | undefined;
  readonly baggageKey: string;
  readonly trustInbound: boolean;
}

export const DEFAULT_HEADER = 'x-correlation-id';
export const DEFAULT_ALIASES: readonly string[] = ['x-request-id'];
export const DEFAULT_BAGGAGE_KEY = 'correlation_id';

// RFC 9110 token: what Node accepts as a header name and W3C baggage as
// a member key.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

interface State {
  options: CorrelationOptions;
  settings: CorrelationSettings | undefined;
}

// On globalThis so the ESM entry and each CommonJS subpath bundle, which
// carry their own copy of this module, read one configuration.
const STATE_KEY = Symbol.for('speechmetry.correlation.config');

function state(): State {
  const g = globalThis as { [STATE_KEY]?: State };
  return (g[STATE_KEY] ??= { options: {}, settings: undefined });
}

/** The settings in force (environment read at first use). */
export function settings(): CorrelationSettings {
  const s = state();
  return (s.settings ??= resolve(s.options));
}

/**
 * Replaces the code options. Throws {@link CorrelationConfigError} naming
 * the field when one is invalid, and then keeps the previous options.
 */
export function configure(options: CorrelationOptions = {}): void {
  if (options === null || typeof options !== 'object') {
    throw new CorrelationConfigError('options', 'must be an object');
  }
  const next = resolve(options, true);
  const s = state();
  s.options = { ...options };
  s.settings = next;
}

function resolve(o: CorrelationOptions, strict = false): CorrelationSettings {
  const env = o.env ?? process.env;
  return {
    header: headerOption(o.header, env, strict),
    aliases: aliasesOption(o.aliases, strict),
    hosts: hostsOption(o.propagationHosts, env, strict),
    baggageKey: tokenOption('baggageKey', o.baggageKey, DEFAULT_BAGGAGE_KEY, strict),
    trustInbound: trustOption(o.trustInbound, strict),
  };
}

function headerOption(value: unknown, env: Env, strict: boolean): string {
  if (value !== undefined) return tokenOption('header', value, DEFAULT_HEADER, strict);
  const fromEnv = envString(env, 'SPEECHMETRY_CORRELATION_HEADER');
  if (fromEnv === undefined) return DEFAULT_HEADER;
  if (TOKEN.test(fromEnv)) return fromEnv.toLowerCase();
  warnEnv('SPEECHMETRY_CORRELATION_HEADER', `using ${DEFAULT_HEADER}`);
  return DEFAULT_HEADER;
}

function tokenOption(
  field: string,
  value: unknown,
  fallback: string,
  strict: boolean,
): string {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && TOKEN.test(value)) return value.toLowerCase();
  if (strict) throw new CorrelationConfigError(field, 'must be a header token');
  return fallback;
}

function aliasesOption(value: unknown, strict: boolean): readonly string[] {
  if (value === undefined) return DEFAULT_ALIASES;
  if (!Array.isArray(value)) {
    if (strict) throw new CorrelationConfigError('aliases', 'must be an array');
    return DEFAULT_ALIASES;
  }
  return value.map((v, i) => tokenOption(`aliases[${i}]`, v, '', strict));
}

function hostsOption(
  value: unknown,
  env: Env,
  strict: boolean,
): HostAllowlist | undefined {
  if (value === null) return undefined;
  if (value === undefined) return hostsFromEnv(env);
  if (!Array.isArray(value)) {
    if (strict) {
      throw new CorrelationConfigError('propagationHosts', 'must be an array or null');
    }
    return new HostAllowlist([]);
  }
  const rules: HostRule[] = [];
  value.forEach((entry, i) => {
    const rule = typeof entry === 'string' ? parseHostRule(entry) : undefined;
    if (rule !== undefined) rules.push(rule);
    else if (strict) {
      throw new CorrelationConfigError(`propagationHosts[${i}]`, 'is not a host');
    }
  });
  return new HostAllowlist(rules);
}

function hostsFromEnv(env: Env): HostAllowlist | undefined {
  const entries = envList(env, 'SPEECHMETRY_PROPAGATION_HOSTS');
  if (entries === undefined) return undefined;
  const rules: HostRule[] = [];
  for (const entry of entries) {
    const rule = parseHostRule(entry);
    if (rule !== undefined) rules.push(rule);
    else warnEnv('SPEECHMETRY_PROPAGATION_HOSTS', 'skipping the entry');
  }
  // A list whose every entry is bad still means "restricted": failing
  // open would send IDs to hosts the operator meant to exclude.
  return new HostAllowlist(rules);
}

function trustOption(value: unknown, strict: boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (value !== undefined && strict) {
    throw new CorrelationConfigError('trustInbound', 'must be a boolean');
  }
  return true;
}

function warnEnv(name: string, action: string): void {
  reporter().warnOnce(`env:${name}`, () => `${name} has an invalid value; ${action}`);
}
