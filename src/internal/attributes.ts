import type { Attributes } from '@opentelemetry/api';
import { OTHER_VALUE } from '../semconv.js';
import { reporter } from './report.js';

/** Longest attribute value kept; longer values are cut (models, voices). */
export const MAX_ATTRIBUTE_LENGTH = 128;

const TAG = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/;

/**
 * Normalises a language tag to BCP-47 case conventions: language lower
 * case, script title case, region upper case, `_` read as `-`. Returns
 * `undefined` for anything that is not shaped like a tag.
 */
export function normalizeLanguage(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const raw = value.trim();
  if (raw.length === 0 || raw.length > 35 || !TAG.test(raw)) return undefined;
  const parts = raw.split(/[-_]/);
  const out = [parts[0]!.toLowerCase()];
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.length === 4 && /^[A-Za-z]+$/.test(p)) {
      out.push(p[0]!.toUpperCase() + p.slice(1).toLowerCase());
    } else if ((p.length === 2 && /^[A-Za-z]+$/.test(p)) || /^\d{3}$/.test(p)) {
      out.push(p.toUpperCase());
    } else {
      out.push(p.toLowerCase());
    }
  }
  return out.join('-');
}

/**
 * The language allowlist: when set, a tag that is neither listed nor has
 * its primary language listed becomes `other`, which bounds the number of
 * series a caller can create through language values.
 */
export class LanguagePolicy {
  private readonly allowed: ReadonlySet<string> | undefined;

  constructor(allowlist?: readonly string[]) {
    if (allowlist === undefined || allowlist.length === 0) return;
    const tags = allowlist.map(normalizeLanguage).filter((t) => t !== undefined);
    this.allowed = new Set(tags as string[]);
  }

  /** The metric value for a caller's language, or undefined to omit it. */
  resolve(value: unknown, key: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    const tag = normalizeLanguage(value);
    if (tag === undefined) {
      reporter().drop('invalid_attribute', key, `recorded as "${OTHER_VALUE}"`);
      return OTHER_VALUE;
    }
    if (this.allowed === undefined) return tag;
    if (this.allowed.has(tag)) return tag;
    const primary = tag.split('-')[0]!;
    return this.allowed.has(primary) ? tag : OTHER_VALUE;
  }
}

/** A caller's free-form string attribute (model, voice, domain), or undefined. */
export function stringAttribute(value: unknown, key: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    reporter().drop('invalid_attribute', key, 'attribute omitted');
    return undefined;
  }
  const v = value.trim();
  if (v.length === 0) return undefined;
  return v.length > MAX_ATTRIBUTE_LENGTH ? v.slice(0, MAX_ATTRIBUTE_LENGTH) : v;
}

/** A caller's boolean attribute, or undefined. */
export function booleanAttribute(value: unknown, key: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') {
    reporter().drop('invalid_attribute', key, 'attribute omitted');
    return undefined;
  }
  return value;
}

/** Copies the defined entries of `attrs` into a frozen attribute set. */
export function freezeAttributes(attrs: Record<string, unknown>): Attributes {
  const out: Attributes = {};
  for (const key of Object.keys(attrs)) {
    const v = attrs[key];
    if (v !== undefined) out[key] = v as string | boolean;
  }
  return Object.freeze(out);
}

/**
 * Copies the named fields of a caller's object, reading each once. A
 * getter or proxy that throws, or a value that is not an object, yields
 * `undefined` (counted, warned once): the caller's object is never read
 * again, so nothing it does later can reach the recording path.
 */
export function callerFields<K extends string>(
  value: unknown,
  keys: readonly K[],
  what: string,
): Partial<Record<K, unknown>> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' && typeof value !== 'function') {
    reporter().drop('invalid_type', what, 'ignored');
    return undefined;
  }
  const out: Partial<Record<K, unknown>> = {};
  try {
    for (const key of keys) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = v;
    }
  } catch {
    reporter().drop('invalid_type', what, 'ignored');
    return undefined;
  }
  return out;
}
