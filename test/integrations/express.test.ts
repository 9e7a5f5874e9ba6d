import http from 'node:http';
import express from 'express';
import { correlation } from '../../src/index.js';
import { speechmetryMiddleware } from '../../src/integrations/express.js';
import { close, listen, work } from './support.js';
import { integrationSuite } from './suite.js';

integrationSuite('Express 5 speechmetryMiddleware', async (downstreamUrl) => {
  const app = express();
  app.use(speechmetryMiddleware());
  // The body parser reads the stream after the middleware: its `end`
  // listener must resume the chain in the request's context.
  app.use(express.json());
  app.get('/raw', (_req, res) => {
    res.json({ id: correlation.id() });
  });
  app.get('/work', async (req, res) => {
    res.json(await work(downstreamUrl, Number(req.query.delay ?? 0)));
  });
  app.post('/body', async (req, res) => {
    res.json({ ...(await work(downstreamUrl, 0)), body: req.body });
  });
  const server = http.createServer(app);
  const url = await listen(server);
  return { url, close: () => close(server) };
});
