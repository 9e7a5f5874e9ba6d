import Fastify, { type FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { correlation } from '../../src/index.js';
import { speechmetryPlugin } from '../../src/integrations/fastify.js';
import { work } from './support.js';
import { integrationSuite } from './suite.js';

/** The suite's routes, in an encapsulated child plugin. */
function routes(downstreamUrl: string) {
  return async (child: FastifyInstance) => {
    child.get('/raw', async () => ({ id: correlation.id() }));
    child.get<{ Querystring: { delay?: string } }>('/work', async (request) =>
      work(downstreamUrl, Number(request.query.delay ?? 0)),
    );
    child.post('/body', async (request) => ({ ...(await work(downstreamUrl, 0)), body: request.body }));
  };
}

async function start(app: FastifyInstance) {
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}

integrationSuite('Fastify 5 speechmetryPlugin', async (downstreamUrl) => {
  const app = Fastify();
  await app.register(speechmetryPlugin);
  await app.register(routes(downstreamUrl));
  return start(app);
});

integrationSuite('Fastify 5 speechmetryPlugin registered after the routes', async (url) => {
  const app = Fastify();
  await app.register(routes(url));
  await app.register(speechmetryPlugin);
  return start(app);
});

describe('Fastify plugin options', () => {
  it('does not echo when echo is false, and still runs in the context', async () => {
    const app = Fastify();
    await app.register(speechmetryPlugin, { echo: false });
    app.get('/id', async () => ({ id: correlation.id() }));
    const { url, close } = await start(app);

    const response = await fetch(`${url}/id`, { headers: { 'x-correlation-id': 'quiet-1' } });

    expect(response.headers.get('x-correlation-id')).toBeNull();
    expect(await response.json()).toEqual({ id: 'quiet-1' });
    await close();
  });

  it('echoes on 404 replies of unknown routes', async () => {
    const app = Fastify();
    await app.register(speechmetryPlugin);
    const { url, close } = await start(app);

    const response = await fetch(`${url}/missing`, { headers: { 'x-correlation-id': 'lost-1' } });

    expect(response.status).toBe(404);
    expect(response.headers.get('x-correlation-id')).toBe('lost-1');
    await close();
  });
});
