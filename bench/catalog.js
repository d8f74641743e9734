#!/usr/bin/env node
// `npm run bench:catalog`: measures the public catalog (GET /api/courses, GET /api/courses/:slug)
// under 200 concurrent connections with autocannon, against a production build of the API on a
// scratch database (qadam_bench) that is created, filled with ~60 published courses and dropped.
// BENCH_DURATION=<seconds> changes the length of each run (default 20).
'use strict';
/* global fetch */
const { execFileSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { setTimeout: delay } = require('node:timers/promises');
const autocannon = require('autocannon');
const Redis = require('ioredis');
const { Client } = require('pg');
const { ensureServices } = require('../scripts/ensure-services');

const ROOT = path.resolve(__dirname, '..');
const PORT = 3100;
const BASE = `http://127.0.0.1:${PORT}`;
const DB_NAME = 'qadam_bench';
const SERVER_URL = 'postgres://postgres:postgres@127.0.0.1:5432';
const REDIS_URL = 'redis://127.0.0.1:6379';
const REDIS_KEY_PREFIX = 'qadam-bench';
const CONNECTIONS = 200;
const DURATION = Number(process.env.BENCH_DURATION || 20);
if (!Number.isInteger(DURATION) || DURATION < 1) {
  console.error('BENCH_DURATION must be a whole number of seconds, at least 1.');
  process.exit(1);
}
const WARMUP_SECONDS = 2;
const TEMPLATE = 'ai-in-teachers-work';
const COPIES = 59;
// The copies take these in turn, so the catalog has courses on all three rungs of the ladder.
const VARIANTS = [
  { level: 'acquire', kind: 'mooc' },
  { level: 'deepen', kind: 'cohort' },
  { level: 'create', kind: 'profile' },
];
// "учителя" appears in the Russian description of every copy, so the search has hits.
const SEARCH_WORD = 'учителя';

const ENDPOINTS = [
  { name: 'catalog, first page (kk)', path: '/api/courses?lang=kk' },
  {
    name: 'catalog search (ru, deepen)',
    path: `/api/courses?level=deepen&lang=ru&q=${encodeURIComponent(SEARCH_WORD)}`,
  },
  {
    name: 'course detail (kk)',
    path: `/api/courses/${TEMPLATE}`,
    headers: { 'accept-language': 'kk' },
  },
];

const childEnv = {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL: `${SERVER_URL}/${DB_NAME}`,
  REDIS_URL,
  REDIS_KEY_PREFIX,
  JWT_ACCESS_SECRET: crypto.randomBytes(48).toString('hex'),
  PORT: String(PORT),
  HOST: '127.0.0.1',
  PUBLIC_URL: BASE,
  LOG_LEVEL: 'warn',
};

const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);

const node = (script, args = []) =>
  execFileSync(process.execPath, [path.join(ROOT, script), ...args], {
    stdio: 'inherit',
    cwd: ROOT,
    env: childEnv,
  });

let interrupted = false;
let running = null; // the autocannon instance in progress, stopped on Ctrl-C
function checkInterrupted() {
  if (interrupted) throw new Error('Interrupted.');
}

async function withServer(fn) {
  const client = new Client({ connectionString: `${SERVER_URL}/postgres` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const dropDatabase = () =>
  withServer((c) => c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`));

async function clearRedisKeys() {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${REDIS_KEY_PREFIX}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** 59 copies of the real package under new slugs, levels, kinds and numbered titles. */
function generateCopies(dir) {
  const source = path.join(ROOT, 'courses', TEMPLATE);
  const yaml = fs.readFileSync(path.join(source, 'course.yaml'), 'utf8');
  const replaceOnce = (text, pattern, replacement) => {
    let count = 0;
    const out = text.replace(pattern, (...m) => {
      count += 1;
      return typeof replacement === 'function' ? replacement(...m) : replacement;
    });
    if (count < 1) throw new Error(`${TEMPLATE}/course.yaml: ${pattern} not found`);
    return out;
  };
  for (let i = 1; i <= COPIES; i++) {
    const n = i + 1; // the original is course 1
    const slug = `${TEMPLATE}-${String(n).padStart(2, '0')}`;
    const { level, kind } = VARIANTS[i % VARIANTS.length];
    let text = replaceOnce(yaml, /^slug: .*$/m, `slug: ${slug}`);
    text = replaceOnce(text, /^level: .*$/m, `level: ${level}`);
    text = replaceOnce(text, /^kind: .*$/m, `kind: ${kind}`);
    // The course title is the block right after the top-level `title:` line.
    text = replaceOnce(text, /^title:\n((?: {2}(?:kk|ru|en): ".*"\n)+)/m, (_all, block) => {
      return `title:\n${block.replace(/"\n/g, ` ${n}"\n`)}`;
    });
    const target = path.join(dir, slug);
    fs.cpSync(source, target, { recursive: true });
    fs.writeFileSync(path.join(target, 'course.yaml'), text);
  }
}

async function waitForHealth(api, seconds = 60) {
  for (let i = 0; i < seconds * 4; i++) {
    if (api.exitCode !== null || api.signalCode !== null) {
      throw new Error(`The API exited during start-up (code ${api.exitCode ?? api.signalCode}).`);
    }
    try {
      const res = await fetch(`${BASE}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    checkInterrupted();
    await delay(250);
  }
  throw new Error(`GET /api/health did not answer 200 within ${seconds} s.`);
}

async function stopApi(api) {
  if (!api || api.exitCode !== null || api.signalCode !== null) return;
  const exited = new Promise((resolve) => api.once('exit', resolve));
  api.kill('SIGTERM');
  const timeout = delay(15000).then(() => 'timeout');
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    log('the API did not stop within 15 s of SIGTERM; killing it');
    api.kill('SIGKILL');
    await exited;
  }
}

/** One request to each endpoint, so a broken setup fails loudly before the load. */
async function checkEndpoints() {
  const dataset = {};
  for (const e of ENDPOINTS) {
    const res = await fetch(BASE + e.path, { headers: e.headers });
    const body = await res.json();
    if (res.status !== 200) {
      throw new Error(`GET ${e.path} answered ${res.status}: ${JSON.stringify(body)}`);
    }
    const size = Buffer.byteLength(JSON.stringify(body));
    if ('total' in body) {
      if (!body.total) throw new Error(`GET ${e.path} found no courses.`);
      log(
        `GET ${decodeURIComponent(e.path)}: ${body.items.length} of ${body.total} courses, ${size} bytes`,
      );
      dataset[e.path] = { items: body.items.length, total: body.total, bytes: size };
    } else {
      log(
        `GET ${decodeURIComponent(e.path)}: "${body.title}", ${body.modules.length} modules, ${size} bytes`,
      );
      dataset[e.path] = { bytes: size };
    }
  }
  return dataset;
}

const SLOW_MS = 1000;

/**
 * One autocannon run. Also notes when the responses slower than SLOW_MS came (seconds from the
 * start), which tells a start-up tail (new connections queueing) from a steady one.
 */
function load(opts) {
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const slow = [];
    running = autocannon({ connections: CONNECTIONS, ...opts }, (err, result) => {
      running = null;
      if (err) return reject(err);
      const at = slow.map((t) => t / 1000);
      result.slow = {
        thresholdMs: SLOW_MS,
        count: slow.length,
        firstAtS: at.length ? Math.min(...at) : null,
        lastAtS: at.length ? Math.max(...at) : null,
      };
      resolve(result);
    });
    running.on('response', (_client, _status, _bytes, latencyMs) => {
      if (latencyMs > SLOW_MS) slow.push(Date.now() - start);
    });
  });
}

function summarise(endpoint, r) {
  return {
    endpoint: endpoint.name,
    request: `GET ${endpoint.path}`,
    headers: endpoint.headers ?? {},
    requestsPerSecAvg: r.requests.average,
    latencyMs: {
      p50: r.latency.p50,
      p97_5: r.latency.p97_5,
      p99: r.latency.p99,
      max: r.latency.max,
      avg: r.latency.average,
    },
    totalRequests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    slow: r.slow,
    throughputBytesPerSecAvg: r.throughput.average,
  };
}

function printTable(rows) {
  const head = [
    'endpoint',
    'req/s avg',
    'p50 ms',
    'p97.5 ms',
    'p99 ms',
    'max ms',
    'requests',
    'non2xx',
    'errors',
  ];
  const body = rows.map((s) => [
    decodeURIComponent(s.request),
    s.requestsPerSecAvg.toFixed(1),
    String(s.latencyMs.p50),
    String(s.latencyMs.p97_5),
    String(s.latencyMs.p99),
    String(s.latencyMs.max),
    String(s.totalRequests),
    String(s.non2xx),
    String(s.errors),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells) =>
    '| ' +
    cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ') +
    ' |';
  console.log(line(head));
  console.log(
    '|' + widths.map((w, i) => (i ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|',
  );
  for (const r of body) console.log(line(r));
  for (const s of rows.filter((r) => r.slow.count)) {
    console.log(
      `${decodeURIComponent(s.request)}: ${s.slow.count} responses over ${s.slow.thresholdMs} ms, ` +
        `completed between ${s.slow.firstAtS.toFixed(1)} s and ${s.slow.lastAtS.toFixed(1)} s into the run`,
    );
  }
}

async function main() {
  await ensureServices();
  log('building the backend');
  node('node_modules/typescript/bin/tsc', ['-p', 'backend/tsconfig.app.json']);
  checkInterrupted();

  await dropDatabase();
  await clearRedisKeys();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qadam-bench-courses-'));
  let api = null;
  try {
    log(`creating and migrating ${DB_NAME}`);
    node('dist/backend/src/cli/migrate.js', ['run']);
    log('importing the course packages');
    node('dist/backend/src/cli/courses-import.js', ['courses', '--publish']);
    generateCopies(tmp);
    log(`importing ${COPIES} generated copies of ${TEMPLATE}`);
    node('dist/backend/src/cli/courses-import.js', [tmp, '--publish']);
    checkInterrupted();

    const pgVersion = await withServer(async (c) => (await c.query('SHOW server_version')).rows[0]);
    const machine = {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      postgres: pgVersion.server_version,
      platform: `${os.type()} ${os.release()}`,
    };

    log('starting the API');
    api = spawn(process.execPath, [path.join(ROOT, 'dist/backend/src/main.js')], {
      cwd: ROOT,
      env: childEnv,
      stdio: 'inherit',
    });
    await waitForHealth(api);
    const dataset = await checkEndpoints();

    log(`warming up for ${WARMUP_SECONDS} s`);
    await load({
      url: BASE,
      duration: WARMUP_SECONDS,
      requests: ENDPOINTS.map((e) => ({ method: 'GET', path: e.path, headers: e.headers })),
    });
    checkInterrupted();

    const results = [];
    for (const e of ENDPOINTS) {
      log(`GET ${decodeURIComponent(e.path)}: ${CONNECTIONS} connections for ${DURATION} s`);
      const r = await load({ url: BASE + e.path, duration: DURATION, headers: e.headers });
      checkInterrupted();
      results.push({ summary: summarise(e, r), raw: r });
    }

    const rows = results.map((r) => r.summary);
    console.log(
      `\nCatalog, ${CONNECTIONS} connections, ${DURATION} s per endpoint ` +
        `(${machine.cpus} cores, Node ${machine.node}, PostgreSQL ${machine.postgres}):\n`,
    );
    printTable(rows);

    const outDir = path.join(__dirname, 'results');
    fs.mkdirSync(outDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\..*$/, '');
    const file = path.join(outDir, `catalog-${stamp}.json`);
    const report = {
      date: new Date().toISOString(),
      command: 'npm run bench:catalog',
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      warmupSeconds: WARMUP_SECONDS,
      machine,
      dataset: {
        courses: 1 + COPIES,
        template: TEMPLATE,
        variants: VARIANTS,
        responses: dataset,
      },
      results: rows,
      raw: results.map((r) => r.raw),
    };
    fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nWritten to ${path.relative(ROOT, file)}`);

    const failed = rows.filter((s) => s.non2xx > 0 || s.errors > 0);
    if (failed.length) {
      console.error(`\nNon-2xx responses or errors on: ${failed.map((s) => s.request).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    await stopApi(api);
    fs.rmSync(tmp, { recursive: true, force: true });
    await dropDatabase().catch((e) => log(`could not drop ${DB_NAME}: ${e.message}`));
    await clearRedisKeys().catch((e) => log(`could not clear Redis keys: ${e.message}`));
  }
}

process.on('SIGINT', () => {
  if (interrupted) process.exit(130); // a second Ctrl-C: no clean-up
  interrupted = true;
  log('interrupted: cleaning up (Ctrl-C again to quit at once)');
  if (running) running.stop();
});

main().catch((e) => {
  console.error(e.message ?? e);
  process.exitCode = 1;
});
