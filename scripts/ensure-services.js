#!/usr/bin/env node
// Makes sure PostgreSQL and Redis answer, for `npm start`, `npm test` and CI. In order:
// use running ones; start installed ones; as root on Debian/Ubuntu, install them with apt-get;
// where a Docker engine answers, `docker compose up -d postgres redis`; else stop and say how.
// Plain Node with no dependencies, so it can run before `npm ci`.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

function envValue(name, fallback) {
  if (process.env[name]) return process.env[name];
  const file = path.join(ROOT, '.env');
  if (fs.existsSync(file)) {
    const m = fs
      .readFileSync(file, 'utf8')
      .match(new RegExp(`^\\s*${name}\\s*=\\s*(.*)\\s*$`, 'm'));
    if (m && m[1]) return m[1].replace(/^["']|["']$/g, '');
  }
  return fallback;
}

const log = (msg) => process.stderr.write(`[services] ${msg}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });

/** Opens a TCP connection, sends `hello`, resolves with the first bytes back (or null). */
function probe(host, port, hello, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (v) => {
      socket.destroy();
      resolve(v);
    };
    socket.setTimeout(timeoutMs, () => done(null));
    socket.once('error', () => done(null));
    socket.once('connect', () => socket.write(hello));
    socket.once('data', (d) => done(d));
  });
}

// PostgreSQL's SSLRequest: any PostgreSQL answers it with one byte, 'S' or 'N'.
const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

const services = {
  postgres: {
    url: new URL(envValue('DATABASE_URL', 'postgres://postgres:postgres@127.0.0.1:5432/qadam')),
    defaultPort: 5432,
    async answers(host, port) {
      const d = await probe(host, port, SSL_REQUEST);
      return !!d && (d[0] === 0x53 || d[0] === 0x4e);
    },
    startInstalled() {
      if (!has('pg_ctlcluster') || !fs.existsSync('/etc/postgresql')) return false;
      const versions = fs
        .readdirSync('/etc/postgresql')
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => b - a);
      if (!versions.length) return false;
      run('pg_ctlcluster', ['--skip-systemctl-redirect', versions[0], 'main', 'start']);
      return true;
    },
    aptPackages: ['postgresql'],
    afterInstall() {
      // A fresh Debian cluster lets only the postgres OS user in; give the database user the
      // local default password from DATABASE_URL (the same convention as the postgres image).
      const password = decodeURIComponent(this.url.password || 'postgres').replace(/'/g, "''");
      const user = decodeURIComponent(this.url.username || 'postgres').replace(/"/g, '""');
      run('su', [
        'postgres',
        '-c',
        `psql -v ON_ERROR_STOP=1 -c "ALTER USER \\"${user}\\" PASSWORD '${password}'"`,
      ]);
    },
  },
  redis: {
    url: new URL(envValue('REDIS_URL', 'redis://127.0.0.1:6379')),
    defaultPort: 6379,
    async answers(host, port) {
      const d = await probe(host, port, 'PING\r\n');
      // "-NOAUTH" also proves a Redis is there; the app reports bad credentials itself.
      return !!d && /^(\+PONG|-NOAUTH)/.test(d.toString());
    },
    startInstalled() {
      if (!has('redis-server')) return false;
      const port = String(this.url.port || this.defaultPort);
      run('redis-server', [
        '--daemonize',
        'yes',
        '--bind',
        '127.0.0.1',
        '--port',
        port,
        '--appendonly',
        'yes',
        '--dir',
        fs.mkdtempSync('/tmp/qadam-redis-'),
      ]);
      return true;
    },
    aptPackages: ['redis-server'],
    afterInstall() {},
  },
};

async function waitFor(svc, host, port, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await svc.answers(host, port)) return true;
    await sleep(250);
  }
  return false;
}

function dockerAnswers() {
  return (
    has('docker') && spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 10000 }).status === 0
  );
}

async function ensure(name) {
  const svc = services[name];
  const host = svc.url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  const port = Number(svc.url.port || svc.defaultPort);
  if (await svc.answers(host, port)) return log(`${name} answers on ${host}:${port}`);
  const local = ['127.0.0.1', 'localhost', '::1'].includes(host);
  if (!local) {
    if (await waitFor(svc, host, port, 30)) return log(`${name} answers on ${host}:${port}`);
    throw new Error(
      `${name} at ${host}:${port} does not answer; it is not on this machine, so start it there.`,
    );
  }
  const attempts = [
    ['start the installed server', () => svc.startInstalled()],
    [
      `install ${svc.aptPackages.join(' ')} with apt-get`,
      () => {
        if (!isRoot() || !has('apt-get')) return false;
        run('apt-get', ['update', '-qq']);
        run('apt-get', ['install', '-y', '-qq', ...svc.aptPackages]);
        svc.startInstalled();
        svc.afterInstall();
        return true;
      },
    ],
    [
      'docker compose up',
      () => {
        if (!dockerAnswers()) return false;
        run('docker', ['compose', '-f', path.join(ROOT, 'docker-compose.yml'), 'up', '-d', name]);
        return true;
      },
    ],
  ];
  for (const [what, attempt] of attempts) {
    let tried = false;
    try {
      tried = attempt();
    } catch (e) {
      log(`could not ${what}: ${e.message}`);
    }
    if (tried) {
      log(`${name} did not answer; tried to ${what}`);
      if (await waitFor(svc, host, port, 30)) return log(`${name} answers on ${host}:${port}`);
    }
  }
  throw new Error(
    `${name} does not answer on ${host}:${port} and could not be started here. ` +
      `Install and start it (Debian/Ubuntu: sudo apt-get install ${svc.aptPackages.join(' ')}), ` +
      `or run "docker compose up -d ${name}", or point ${name === 'postgres' ? 'DATABASE_URL' : 'REDIS_URL'} at a running one (see .env.example).`,
  );
}

async function ensureServices() {
  await ensure('postgres');
  await ensure('redis');
}

module.exports = { ensureServices };

if (require.main === module) {
  ensureServices().catch((e) => {
    log(e.message);
    process.exit(1);
  });
}
