// Shared by the benchmarks in bench/: a production build of the API on a scratch database and
// Redis key prefix of its own, started from dist/ and cleaned up afterwards. See bench/README.md.
'use strict';
/* global fetch */
const { execFileSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { setTimeout: delay } = require('node:timers/promises');
const Redis = require('ioredis');
const { Client } = require('pg');
const { ensureServices } = require('../scripts/ensure-services');

const ROOT = path.resolve(__dirname, '..');
const SERVER_URL = 'postgres://postgres:postgres@127.0.0.1:5432';
const REDIS_URL = 'redis://127.0.0.1:6379';

const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);

/**
 * One benchmark's environment: `dbName` (dropped before and after), `redisPrefix` (its keys
 * are deleted before and after), `port`, and `env`, extra variables for the API and the CLIs.
 */
function createHarness({ dbName, redisPrefix, port, env = {} }) {
  const base = `http://127.0.0.1:${port}`;
  const databaseUrl = `${SERVER_URL}/${dbName}`;
  const childEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    REDIS_KEY_PREFIX: redisPrefix,
    JWT_ACCESS_SECRET: crypto.randomBytes(48).toString('hex'),
    // Production mode refuses to start without the issuer's signing key: a fresh one per run.
    CERT_SIGNING_KEY: issuerKey(),
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: base,
    LOG_LEVEL: 'warn',
    ...env,
  };

  /** Runs a script of the repository (a path from its root) with the child environment. */
  const node = (script, args = []) =>
    execFileSync(process.execPath, [path.join(ROOT, script), ...args], {
      stdio: 'inherit',
      cwd: ROOT,
      env: childEnv,
    });

  let interrupted = false;
  function checkInterrupted() {
    if (interrupted) throw new Error('Interrupted.');
  }
  /** Ctrl-C once: `onInterrupt()`, and checkInterrupted() throws, so the clean-up runs. */
  function handleSigint(onInterrupt = () => {}) {
    process.on('SIGINT', () => {
      if (interrupted) process.exit(130); // a second Ctrl-C: no clean-up
      interrupted = true;
      log('interrupted: cleaning up (Ctrl-C again to quit at once)');
      onInterrupt();
    });
  }

  /** `fn(client)` on a connection to the server's `postgres` database, or to `database`. */
  async function withServer(fn, database = 'postgres') {
    const client = new Client({ connectionString: `${SERVER_URL}/${database}` });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }
  const withDatabase = (fn) => withServer(fn, dbName);

  const dropDatabase = () =>
    withServer((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));

  async function clearRedisKeys() {
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}:*`, 'COUNT', 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }

  /** Makes sure PostgreSQL and Redis answer, and compiles the backend to dist/. */
  async function prepare() {
    await ensureServices();
    log('building the backend');
    node('node_modules/typescript/bin/tsc', ['-p', 'tsconfig.build.json']);
    checkInterrupted();
  }

  /** Drops the database and Redis keys a previous (interrupted) run may have left. */
  async function reset() {
    await dropDatabase();
    await clearRedisKeys();
  }

  /** Creates the database and runs the migrations. */
  function migrate() {
    log(`creating and migrating ${dbName}`);
    node('dist/backend/src/cli/migrate.js', ['run']);
  }

  async function cleanUp() {
    await dropDatabase().catch((e) => log(`could not drop ${dbName}: ${e.message}`));
    await clearRedisKeys().catch((e) => log(`could not clear Redis keys: ${e.message}`));
  }

  async function machine() {
    const pgVersion = await withServer(async (c) => (await c.query('SHOW server_version')).rows[0]);
    return {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      postgres: pgVersion.server_version,
      platform: `${os.type()} ${os.release()}`,
    };
  }

  async function waitForHealth(api, seconds = 60) {
    for (let i = 0; i < seconds * 4; i++) {
      if (api.exitCode !== null || api.signalCode !== null) {
        throw new Error(`The API exited during start-up (code ${api.exitCode ?? api.signalCode}).`);
      }
      try {
        const res = await fetch(`${base}/api/health`);
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      checkInterrupted();
      await delay(250);
    }
    throw new Error(`GET /api/health did not answer 200 within ${seconds} s.`);
  }

  /** Starts dist/backend/src/main.js and waits until it is healthy; stop it with stopApi(). */
  async function startApi() {
    log('starting the API');
    const api = spawn(process.execPath, [path.join(ROOT, 'dist/backend/src/main.js')], {
      cwd: ROOT,
      env: childEnv,
      stdio: 'inherit',
    });
    await waitForHealth(api);
    return api;
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

  return {
    base,
    databaseUrl,
    childEnv,
    node,
    checkInterrupted,
    handleSigint,
    withServer,
    withDatabase,
    dropDatabase,
    clearRedisKeys,
    prepare,
    reset,
    migrate,
    cleanUp,
    machine,
    waitForHealth,
    startApi,
    stopApi,
  };
}

/** A fresh Ed25519 issuer key, as a multibase secret key. */
function issuerKey() {
  const { base58 } = require('@scure/base');
  return 'z' + base58.encode(Buffer.concat([Buffer.from([0x80, 0x26]), crypto.randomBytes(32)]));
}

/** Writes `report` to bench/results/<name>-<date>.json; returns the path. */
function writeResult(name, report) {
  const outDir = path.join(__dirname, 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\..*$/, '');
  const file = path.join(outDir, `${name}-${stamp}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  return file;
}

/** A Markdown table: the first column left-aligned, the others right-aligned. */
function formatTable(head, body) {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells) =>
    '| ' +
    cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ') +
    ' |';
  return [
    line(head),
    '|' + widths.map((w, i) => (i ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|',
    ...body.map(line),
  ].join('\n');
}

module.exports = { ROOT, log, createHarness, issuerKey, writeResult, formatTable };
