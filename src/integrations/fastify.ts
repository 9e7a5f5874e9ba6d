/**
 * fastify integration.
 *
 * @packageDocumentation
 */
export {};
