// What correlation adds per request: a real server on loopback, with and
// without the integration, for node:http, Express 5 and Fastify 5, and
// with the raw building block instead (one AsyncLocalStorage.run around
// the rest of the request, nothing else). Each
// server runs in its own process (so the one without correlation pays no
// AsyncLocalStorage hooks either) and answers GET / with "ok". The client
// sends a valid x-correlation-id (or none, forcing a fresh UUID) over a
// keep-alive agent: one request at a time (latency), then 32 in flight
// (throughput). Rounds alternate the order of each pair so a busy moment
// on a shared machine hits both alike. Run: npm run bench, or
// node bench/middleware.mjs after `npx tsup --no-clean`.
import { AsyncLocalStorage } from 'node:async_hooks';
import { fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { fmt, header, spread, table } from './support.mjs';

const ROUNDS = 11;
const SEQUENTIAL = 500;
const CONCURRENT = 2_000;
const IN_FLIGHT = 32;

/** The servers, built in child processes: `node middleware.mjs serve <name>`. */
const SERVERS = {
  async 'http-raw'() {
    return listen(http.createServer((_req, res) => res.end('ok')));
  },
  async 'http-correlation'() {
    const { instrumentHandler } = await import('../dist/http.js');
    return listen(http.createServer(instrumentHandler((_req, res) => res.end('ok'))));
  },
  async 'http-als'() {
    const als = new AsyncLocalStorage();
    const handler = (_req, res) => res.end('ok');
    return listen(http.createServer((req, res) => als.run('id', handler, req, res)));
  },
  async 'express-raw'() {
    return expressApp(undefined);
  },
  async 'express-correlation'() {
    const { speechmetryMiddleware } = await import('../dist/express.js');
    return expressApp(speechmetryMiddleware());
  },
  async 'express-als'() {
    const als = new AsyncLocalStorage();
    return expressApp((_req, _res, next) => als.run('id', next));
  },
  async 'fastify-raw'() {
    return fastifyApp(undefined);
  },
  async 'fastify-als'() {
    const als = new AsyncLocalStorage();
    const plugin = (app, _opts, done) => {
      app.addHook('onRequest', (_req, _reply, next) => als.run('id', next));
      done();
    };
    plugin[Symbol.for('skip-override')] = true;
    return fastifyApp(plugin);
  },
  async 'fastify-correlation'() {
    const { speechmetryPlugin } = await import('../dist/fastify.js');
    return fastifyApp(speechmetryPlugin);
  },
};

function listen(server) {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(server.address().port)),
  );
}

async function expressApp(middleware) {
  const { default: express } = await import('express');
  const app = express();
  if (middleware) app.use(middleware);
  app.get('/', (_req, res) => res.send('ok'));
  return listen(http.createServer(app));
}

async function fastifyApp(plugin) {
  const { default: Fastify } = await import('fastify');
  const app = Fastify();
  if (plugin) await app.register(plugin);
  app.get('/', async () => 'ok');
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app.server.address().port;
}

/** Starts a server process and resolves with its port. */
function start(name) {
  const child = fork(fileURLToPath(import.meta.url), ['serve', name], { stdio: 'inherit' });
  return new Promise((resolve) => child.once('message', (port) => resolve({ child, port })));
}

/** One GET; resolves when the body is read. */
function get(agent, port, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, port, host: '127.0.0.1', path: '/', headers }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Microseconds of wall time per request, `total` with `inFlight` at a time. */
async function run(port, headers, total, inFlight) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
  let sent = 0;
  const worker = async () => {
    while (sent < total) {
      sent++;
      await get(agent, port, headers);
    }
  };
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const us = Number(process.hrtime.bigint() - t0) / 1e3 / total;
  agent.destroy();
  return us;
}

const KINDS = ['raw', 'als', 'wrapped'];

async function measure(pairs, total, inFlight) {
  for (const p of pairs) {
    for (const kind of KINDS) await run(p[kind], p.headers, total, inFlight); // warm-up
  }
  const rows = pairs.map(() => ({ raw: [], als: [], wrapped: [], added: [], overAls: [] }));
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, p] of pairs.entries()) {
      // Rotate the order so no server always runs first.
      const t = {};
      for (let k = 0; k < KINDS.length; k++) {
        const kind = KINDS[(k + r) % KINDS.length];
        t[kind] = await run(p[kind], p.headers, total, inFlight);
      }
      for (const kind of KINDS) rows[i][kind].push(t[kind]);
      rows[i].added.push(t.wrapped - t.raw);
      rows[i].overAls.push(t.wrapped - t.als);
    }
  }
  return rows;
}

function report(title, pairs, rows) {
  console.log(`## ${title}\n`);
  const range = (s) => `${fmt(s.median, 1)} [${fmt(s.p10, 1)}, ${fmt(s.p90, 1)}]`;
  table(
    [
      'server',
      'without',
      'bare ALS.run',
      'with speechmetry',
      'added vs without, median [p10, p90]',
      'added vs bare ALS.run',
      'ratio',
    ],
    rows.map((row, i) => {
      const raw = spread(row.raw).median;
      const wrapped = spread(row.wrapped).median;
      return [
        pairs[i].label,
        fmt(raw, 1),
        fmt(spread(row.als).median, 1),
        fmt(wrapped, 1),
        range(spread(row.added)),
        range(spread(row.overAls)),
        fmt(wrapped / raw, 3),
      ];
    }),
  );
  console.log('(µs of wall time per request)\n');
}

async function hugeHeaders() {
  const { correlation } = await import('../dist/index.js');
  const mb = 'a'.repeat(1 << 20);
  const carriers = {
    '1 MB x-correlation-id': { 'x-correlation-id': mb },
    '1 MB baggage of 262,144 members': { baggage: `correlation_id=ok,${'k=v,'.repeat(1 << 18)}` },
    '1 MB baggage, one member': { baggage: `${mb}=1` },
    'ordinary: valid ID, small baggage': { 'x-correlation-id': 'abc-1', baggage: 'k=v' },
  };
  const rows = Object.entries(carriers).map(([label, carrier]) => {
    const samples = [];
    for (let r = 0; r < 41; r++) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < 100; i++) correlation.extract(carrier);
      samples.push(Number(process.hrtime.bigint() - t0) / 1e3 / 100);
    }
    const s = spread(samples);
    return [label, `${fmt(s.median, 2)} [${fmt(s.p10, 2)}, ${fmt(s.p90, 2)}]`];
  });
  console.log('## correlation.extract on hostile headers\n');
  table(['carrier', 'µs per extract, median [p10, p90]'], rows);
}

async function main() {
  header('correlation middleware: added cost per request on loopback');
  console.log(`${ROUNDS} rounds; ${SEQUENTIAL} requests one at a time, ${CONCURRENT} with ` +
    `${IN_FLIGHT} in flight; keep-alive agent; one process per server.\n`);
  const servers = {};
  for (const name of Object.keys(SERVERS)) servers[name] = await start(name);
  const withId = { 'x-correlation-id': 'bench-7f3a.turn:42' };
  const pair = (label, kind, headers) => ({
    label,
    raw: servers[`${kind}-raw`].port,
    als: servers[`${kind}-als`].port,
    wrapped: servers[`${kind}-correlation`].port,
    headers,
  });
  const pairs = [
    pair('node:http', 'http', withId),
    pair('node:http, no inbound ID (fresh UUID)', 'http', {}),
    pair('Express 5', 'express', withId),
    pair('Fastify 5', 'fastify', withId),
  ];

  report('one request at a time (latency)', pairs, await measure(pairs, SEQUENTIAL, 1));
  report(`${IN_FLIGHT} in flight (wall time per request)`, pairs,
    await measure(pairs, CONCURRENT, IN_FLIGHT));
  for (const { child } of Object.values(servers)) child.kill();
  await hugeHeaders();
}

if (process.argv[2] === 'serve') {
  process.send(await SERVERS[process.argv[3]]());
} else {
  await main();
}
