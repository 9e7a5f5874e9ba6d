/**
 * In-process scoring of live operations. The scheduler is internal (the
 * setup builds it); the pluggable-scorer interface and the options are
 * public.
 */
export { createScoringScheduler, type SchedulerSettings } from './scheduler.js';
export type {
  AsyncScorer,
  AsyncScorerInput,
  QualityScores,
  ScoringJob,
  ScoringKind,
  ScoringOptions,
  ScoringScheduler,
} from './types.js';
