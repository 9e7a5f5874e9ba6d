import type { Attributes, AttributeValue } from '@opentelemetry/api';

/**
 * The canonical identity of an attribute set: its entries sorted by key,
 * serialised once. Two sets with the same entries in any order get the
 * same key. Built at bind time only; recording never sees it.
 */
export function attributeKey(attributes: Attributes): string {
  const keys = Object.keys(attributes).sort();
  const entries: [string, AttributeValue][] = [];
  for (const key of keys) {
    const value = attributes[key];
    if (value !== undefined) entries.push([key, value]);
  }
  return entries.length === 0 ? '' : JSON.stringify(entries);
}

/**
 * A frozen copy of the defined entries, so a caller mutating its object
 * after binding cannot change what the series exports.
 */
export function copyAttributes(attributes: Attributes): Attributes {
  const out: Attributes = {};
  for (const key of Object.keys(attributes)) {
    const value = attributes[key];
    if (value === undefined) continue;
    out[key] = Array.isArray(value) ? (value.slice() as AttributeValue) : value;
  }
  return Object.freeze(out);
}
