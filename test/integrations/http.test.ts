import http from 'node:http';
import { correlation } from '../../src/index.js';
import { instrumentHandler } from '../../src/integrations/http.js';
import { close, listen, work } from './support.js';
import { integrationSuite } from './suite.js';

/**
 * Callback style on purpose: `work` starts inside the `end` listener, which
 * the socket calls, so the ID is there only because the integration binds
 * the request stream's listeners (an `await` would restore it by itself).
 */
function onBody(req: http.IncomingMessage, done: (text: string) => void): void {
  let text = '';
  req.on('data', (chunk) => (text += chunk));
  req.once('end', () => done(text));
}

integrationSuite('node:http instrumentHandler', async (downstreamUrl) => {
  const server = http.createServer(
    instrumentHandler((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      res.setHeader('content-type', 'application/json');
      if (url.pathname === '/raw') {
        res.end(JSON.stringify({ id: correlation.id() }));
      } else if (req.method === 'POST') {
        onBody(req, (text) => {
          void work(downstreamUrl, 0).then((seen) =>
            res.end(JSON.stringify({ ...seen, body: JSON.parse(text) })),
          );
        });
      } else {
        const delay = Number(url.searchParams.get('delay') ?? 0);
        void work(downstreamUrl, delay).then((seen) => res.end(JSON.stringify(seen)));
      }
    }),
  );
  const url = await listen(server);
  return { url, close: () => close(server) };
});
