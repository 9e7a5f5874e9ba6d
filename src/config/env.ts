import { reporter } from '../internal/report.js';

/**
 * Typed readers for environment variables. Blank means unset; a value
 * that does not parse warns once, naming the variable and the default,
 * and the default is used. Nothing here throws.
 */
export type Env = Readonly<Record<string, string | undefined>>;

function raw(env: Env, name: string): string | undefined {
  const v = env[name];
  if (v === undefined) return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

function invalid(name: string, fallback: unknown): void {
  reporter().warnOnce(
    `env:${name}`,
    () => `${name} has an invalid value; using the default (${String(fallback)})`,
  );
}

/** A string, or the default when unset. */
export function envString(env: Env, name: string, fallback: string): string;
export function envString(env: Env, name: string): string | undefined;
export function envString(env: Env, name: string, fallback?: string): string | undefined {
  return raw(env, name) ?? fallback;
}

/** `true`/`false` in any case; anything else warns. */
export function envBoolean(env: Env, name: string, fallback: boolean): boolean {
  const v = raw(env, name);
  if (v === undefined) return fallback;
  const lower = v.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  invalid(name, fallback);
  return fallback;
}

/** A finite number within [min, max]. */
export function envNumber(
  env: Env,
  name: string,
  fallback: number,
  min = -Infinity,
  max = Infinity,
): number {
  const v = raw(env, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) {
    invalid(name, fallback);
    return fallback;
  }
  return n;
}

/** A whole number within [min, max] (ports, limits, lengths). */
export function envInteger(
  env: Env,
  name: string,
  fallback: number,
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const n = envNumber(env, name, fallback, min, max);
  if (Number.isInteger(n)) return n;
  invalid(name, fallback);
  return fallback;
}

/** One of `allowed`, compared in lower case. */
export function envEnum<T extends string>(
  env: Env,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = raw(env, name);
  if (v === undefined) return fallback;
  const lower = v.toLowerCase() as T;
  if (allowed.includes(lower)) return lower;
  invalid(name, fallback);
  return fallback;
}

/** A comma-separated list, entries trimmed, empty entries dropped. */
export function envList(env: Env, name: string): string[] | undefined {
  const v = raw(env, name);
  if (v === undefined) return undefined;
  const items = v.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  return items.length > 0 ? items : undefined;
}

/** An `http:` or `https:` URL. */
export function envUrl(env: Env, name: string): URL | undefined {
  const v = raw(env, name);
  if (v === undefined) return undefined;
  try {
    const url = new URL(v);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // fall through to the warning
  }
  // The value may hold credentials: the warning names only the variable.
  invalid(name, 'unset');
  return undefined;
}
