// Mulberry32: a small seeded generator, so corpora built from it are the
// same on every run and machine. Shared by data/generate.mjs,
// bench/quality-data.mjs and scripts/crosscheck-data.mjs; the demo has a
// TypeScript copy in src/demo/random.ts because it ships in the bundle.
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
