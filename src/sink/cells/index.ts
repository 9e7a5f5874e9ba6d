export { CellsSink, DEFAULT_CARDINALITY_LIMIT, type CellsSinkOptions } from './sink.js';
export {
  CellsProducer,
  type CellsProducerOptions,
  type TemporalityPreference,
} from './producer.js';
export { OVERFLOW_ATTRIBUTES } from './instrument.js';
