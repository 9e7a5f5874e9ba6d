/**
 * http integration.
 *
 * @packageDocumentation
 */
export {};
