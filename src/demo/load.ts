/**
 * The demo's load generator: Poisson arrivals of speech-to-speech turns
 * across the language pairs, with a translation latency spike in the
 * middle of the run so a threshold rule fires and then resolves.
 */
import type { DemoLanguage, SentencePair } from './corpus.js';
import { sleep } from './random.js';
import type { DemoService } from './service.js';

/** Options of {@link generateLoad}. */
export interface LoadOptions {
  /** How long to send turns, in milliseconds. */
  durationMs: number;
  /** Mean turns started per second. */
  ratePerSecond: number;
  /** Turns in flight at most; arrivals beyond are skipped. */
  maxInFlight: number;
  languages: readonly DemoLanguage[];
  /** Slowed target language and factor during the spike. */
  spike: { language: DemoLanguage; factor: number; from: number; to: number };
}

/** What the load produced, for the summary's corpus scores. */
export interface LoadResult {
  started: number;
  succeeded: number;
  skipped: number;
  /** Served translations and their references, per target language. */
  served: Record<string, { hypotheses: string[]; references: string[] }>;
}

/** Runs the load until `durationMs` has passed and every turn settled. */
export async function generateLoad(
  service: DemoService,
  pairs: readonly SentencePair[],
  random: () => number,
  options: LoadOptions,
): Promise<LoadResult> {
  const result: LoadResult = { started: 0, succeeded: 0, skipped: 0, served: {} };
  for (const l of options.languages) result.served[l] = { hypotheses: [], references: [] };
  const inFlight = new Set<Promise<void>>();
  const start = Date.now();

  for (let elapsed = 0; elapsed < options.durationMs; elapsed = Date.now() - start) {
    setSpike(service, options, elapsed / options.durationMs);
    if (inFlight.size >= options.maxInFlight) result.skipped++;
    else {
      const pair = pairs[Math.floor(random() * pairs.length)]!;
      const target = options.languages[Math.floor(random() * options.languages.length)]!;
      result.started++;
      const p = service.turn(pair, target).then((ok) => {
        if (ok) record(result, pair, target);
        inFlight.delete(p);
      });
      inFlight.add(p);
    }
    // Exponential gaps between arrivals: a Poisson process.
    await sleep((-Math.log(1 - random()) / options.ratePerSecond) * 1000);
  }

  setSpike(service, options, 0);
  await Promise.all(inFlight);
  return result;
}

function setSpike(service: DemoService, o: LoadOptions, progress: number): void {
  const on = progress >= o.spike.from && progress < o.spike.to;
  service.conditions.translationSlowdown = on ? { [o.spike.language]: o.spike.factor } : {};
}

function record(result: LoadResult, pair: SentencePair, target: DemoLanguage): void {
  result.succeeded++;
  const served = result.served[target]!;
  served.hypotheses.push(pair.mt[target]);
  served.references.push(pair.ref[target]);
}
