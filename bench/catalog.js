#!/usr/bin/env node
// `npm run bench:catalog`: measures the public catalog (GET /api/courses, GET /api/courses/:slug)
// under 200 concurrent connections with autocannon, against a production build of the API on a
// scratch database (qadam_bench) that is created, filled with ~60 published courses and dropped.
// BENCH_DURATION=<seconds> changes the length of each run (default 20).
'use strict';
/* global fetch */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const { ROOT, log, createHarness, writeResult, formatTable } = require('./harness');

const PORT = 3100;
const DB_NAME = 'qadam_bench';
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

const bench = createHarness({ dbName: DB_NAME, redisPrefix: REDIS_KEY_PREFIX, port: PORT });
const { base: BASE, node, checkInterrupted } = bench;

let running = null; // the autocannon instance in progress, stopped on Ctrl-C

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
  console.log(formatTable(head, body));
  for (const s of rows.filter((r) => r.slow.count)) {
    console.log(
      `${decodeURIComponent(s.request)}: ${s.slow.count} responses over ${s.slow.thresholdMs} ms, ` +
        `completed between ${s.slow.firstAtS.toFixed(1)} s and ${s.slow.lastAtS.toFixed(1)} s into the run`,
    );
  }
}

async function main() {
  await bench.prepare();
  await bench.reset();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qadam-bench-courses-'));
  let api = null;
  try {
    bench.migrate();
    log('importing the course packages');
    node('dist/backend/src/cli/courses-import.js', ['courses', '--publish']);
    generateCopies(tmp);
    log(`importing ${COPIES} generated copies of ${TEMPLATE}`);
    node('dist/backend/src/cli/courses-import.js', [tmp, '--publish']);
    checkInterrupted();

    const machine = await bench.machine();

    api = await bench.startApi();
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
    const file = writeResult('catalog', report);
    console.log(`\nWritten to ${path.relative(ROOT, file)}`);

    const failed = rows.filter((s) => s.non2xx > 0 || s.errors > 0);
    if (failed.length) {
      console.error(`\nNon-2xx responses or errors on: ${failed.map((s) => s.request).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    await bench.stopApi(api);
    fs.rmSync(tmp, { recursive: true, force: true });
    await bench.cleanUp();
  }
}

bench.handleSigint(() => {
  if (running) running.stop();
});

main().catch((e) => {
  console.error(e.message ?? e);
  process.exitCode = 1;
});
