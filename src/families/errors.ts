/** Longest `error.type` value kept. */
const MAX_ERROR_TYPE = 64;
const SAFE = /^[A-Za-z0-9_.:-]+$/;

/**
 * The `error.type` of a failure: the error's `code` when it is a short
 * identifier (`ECONNRESET`, `ETIMEDOUT`), else its name (`TimeoutError`),
 * else `_OTHER` as the error semantic conventions prescribe. Messages are
 * never used: they may hold user content and are unbounded.
 */
export function errorType(error: unknown): string {
  try {
    if (error !== null && typeof error === 'object') {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && isSafe(code)) return code;
      const name = (error as { name?: unknown }).name;
      if (typeof name === 'string' && isSafe(name)) return name;
      const ctor = (error as { constructor?: { name?: unknown } }).constructor?.name;
      if (typeof ctor === 'string' && isSafe(ctor)) return ctor;
    }
  } catch {
    // A throwing getter on a host's error object: fall through.
  }
  return '_OTHER';
}

function isSafe(value: string): boolean {
  return value.length > 0 && value.length <= MAX_ERROR_TYPE && SAFE.test(value);
}
