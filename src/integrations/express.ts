/**
 * express integration.
 *
 * @packageDocumentation
 */
export {};
