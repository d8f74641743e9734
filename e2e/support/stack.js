#!/usr/bin/env node
// The stack the e2e tests drive: `npm start` itself (scripts/start.js) against a database that
// is dropped first, so every run begins as a fresh installation.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const { Client } = require('pg');

const ROOT = path.resolve(__dirname, '../..');
const { E2E_PORT, E2E_DB } = require('./stack-env');

async function main() {
  const admin = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${E2E_DB}" WITH (FORCE)`);
  await admin.end();
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.js')], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(E2E_PORT),
      PUBLIC_URL: `http://localhost:${E2E_PORT}`,
      DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${E2E_DB}`,
      REDIS_KEY_PREFIX: `qadam-e2e-${Date.now()}`,
      CERT_DEV_KEY_FILE: path.join(require('node:os').tmpdir(), 'qadam-e2e-issuer-key.txt'),
      LOG_LEVEL: 'warn',
      OUTBOX_POLL_MS: '200',
    },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 1));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
