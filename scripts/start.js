#!/usr/bin/env node
// `npm start`: services up, build (API, worker, web app), create and migrate the database,
// import the course packages on first start, then run the API and a certificate worker.
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const path = require('node:path');
const { ensureServices } = require('./ensure-services');
const { precompress } = require('./precompress');

const ROOT = path.resolve(__dirname, '..');
const node = (script, args = []) =>
  execFileSync(process.execPath, [path.join(ROOT, script), ...args], {
    stdio: 'inherit',
    cwd: ROOT,
  });

async function main() {
  await ensureServices();
  node('node_modules/typescript/bin/tsc', ['-p', 'tsconfig.build.json']);
  // The web app, served by the API at /.
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/@angular/cli/bin/ng.js'), 'build'],
    {
      stdio: 'inherit',
      cwd: path.join(ROOT, 'frontend'),
      env: { ...process.env, NG_CLI_ANALYTICS: 'false' },
    },
  );
  precompress(path.join(ROOT, 'dist/frontend/browser'));
  node('dist/backend/src/cli/migrate.js', ['run']);
  // First start: a newcomer sees a real catalog. Later starts leave the courses alone.
  try {
    node('dist/backend/src/cli/courses-import.js', ['courses', '--publish', '--if-empty']);
  } catch {
    // The importer has listed each problem as file:line; the API still starts.
    console.error('Some course packages were not imported (see above); starting anyway.');
  }
  // The API and one certificate worker; if either dies, stop both (a supervisor restarts us).
  // The worker's larger young generation: rendering and signing allocate many short-lived
  // objects, and fewer scavenges are worth ~10 % of its throughput (docs/PERFORMANCE.md).
  const children = [
    [path.join(ROOT, 'dist/backend/src/main.js')],
    ['--max-semi-space-size=64', path.join(ROOT, 'dist/certificates/src/main.js')],
  ].map((args) => spawn(process.execPath, args, { stdio: 'inherit', cwd: ROOT }));
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => children.forEach((c) => c.kill(signal)));
  }
  for (const child of children) {
    child.on('exit', (code, signal) => {
      for (const other of children) if (other !== child && other.exitCode === null) other.kill();
      process.exit(code ?? (signal ? 1 : 0));
    });
  }
}

main().catch((e) => {
  console.error(e.message ?? e);
  process.exit(1);
});
