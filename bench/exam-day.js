#!/usr/bin/env node
// `npm run bench:exam`: an exam day. N teachers log in, start the same timed final test together
// (a synchronised start), autosave 20 answers each with think time between them, and submit
// together, against a production build of the API on a scratch database (qadam_bench_exam) that
// is created, filled and dropped for each N. All N teachers are async loops in this process.
// BENCH_TEACHERS=<n>[,<n>…] sets the runs (default 1000,5000); BENCH_THINK_MIN_MS and
// BENCH_THINK_MAX_MS the think time (default 1000–3000 ms, uniform); BENCH_SOCKETS the client's
// keep-alive connections (default 1000), opened before the start unless BENCH_COLD_START=1;
// BENCH_LOGIN_CONCURRENCY the logins in flight (default 32).
'use strict';
/* global performance */
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { setInterval, clearInterval } = require('node:timers');
const { setTimeout: delay } = require('node:timers/promises');
const { Pool } = require('undici');
const YAML = require('yaml');
const { ROOT, log, createHarness, writeResult, formatTable } = require('./harness');

const PORT = 3102;
const DB_NAME = 'qadam_bench_exam';
const REDIS_KEY_PREFIX = 'qadam-bench-exam';

function envInt(name, fallback, min) {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < min) {
    console.error(`${name} must be a whole number, at least ${min}.`);
    process.exit(1);
  }
  return n;
}

const TEACHER_COUNTS = (process.env.BENCH_TEACHERS || '1000,5000')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
  .map(Number);
if (!TEACHER_COUNTS.length || TEACHER_COUNTS.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('BENCH_TEACHERS must be a comma-separated list of whole numbers, e.g. 1000,5000.');
  process.exit(1);
}
const THINK_MIN_MS = envInt('BENCH_THINK_MIN_MS', 1000, 0);
const THINK_MAX_MS = envInt('BENCH_THINK_MAX_MS', 3000, THINK_MIN_MS);
const SOCKETS = envInt('BENCH_SOCKETS', 1000, 1);
const LOGIN_CONCURRENCY = envInt('BENCH_LOGIN_CONCURRENCY', 32, 1);
const COLD_START = process.env.BENCH_COLD_START === '1';

const SAVES_PER_TEACHER = 20;
// Share of saves (after the first) that change an answer already saved, as a teacher changing
// their mind does; the others answer the next item. Autosave is an upsert either way.
const RESAVE_SHARE = 0.1;
const REQUEST_TIMEOUT_MS = 120_000;
const SAMPLE_MS = 500;
const LOOP_RESOLUTION_MS = 10; // the generator's own event-loop lag, sampled every 10 ms

const COURSE_SLUG = 'bench-exam-day';
const LESSON_KEY = 'exam-briefing';
const ASSESSMENT_KEY = 'final';
const BANK_KEY = 'exam-bank';
const BANK_ITEMS = 100;
const ITEMS_PER_ATTEMPT = 20;
const TIME_LIMIT_MINUTES = 60;
const PASS_MARK = 70;
const COMPETENCIES = [
  'unesco-cft:1.1',
  'unesco-cft:2.1',
  'unesco-cft:3.1',
  'unesco-cft:4.1',
  'unesco-cft:5.1',
];
const SOURCE_EMAIL = 'bench.exam.source@orleu.kz';
const PASSWORD = `Емтихан күні ${crypto.randomBytes(9).toString('base64url')}`;

const TARGETS = {
  savesPerSec: 2000,
  saveP95Ms: 50,
  syncStarts: 5000,
  startAbsorbS: 10,
};

const bench = createHarness({ dbName: DB_NAME, redisPrefix: REDIS_KEY_PREFIX, port: PORT });
const { node, checkInterrupted } = bench;

const teacherEmail = (n) => `bench.teacher.${String(n).padStart(6, '0')}@orleu.kz`;

// ---- the course package --------------------------------------------------------------------

const kkru = (kk, ru) => ({ kk, ru });
const DIFFICULTIES = ['easy', 'medium', 'hard'];

/**
 * 100 items, 20 per competency; of each 20, 12 single choice, 6 multiple choice (half with
 * partial credit) and 2 true/false.
 */
function bankItems() {
  const items = [];
  for (let i = 0; i < BANK_ITEMS; i++) {
    const n = i + 1;
    const competency = COMPETENCIES[i % COMPETENCIES.length];
    const slot = Math.floor(i / COMPETENCIES.length); // 0–19 within the competency
    const base = {
      key: `q-${String(n).padStart(3, '0')}`,
      prompt: kkru(`${n}-сұрақ: дұрыс жауапты таңдаңыз.`, `Вопрос ${n}: выберите верный ответ.`),
      competencies: [competency],
      difficulty: DIFFICULTIES[i % DIFFICULTIES.length],
    };
    if (slot < 12) {
      items.push({
        ...base,
        type: 'single',
        options: [1, 2, 3, 4].map((k) => ({
          text: kkru(`${n}.${k} нұсқа`, `Вариант ${n}.${k}`),
          ...(k === 1 + (n % 4) ? { correct: true } : {}),
        })),
      });
    } else if (slot < 18) {
      items.push({
        ...base,
        type: 'multiple',
        ...(slot % 2 ? { scoring: 'partial' } : {}),
        options: [1, 2, 3, 4, 5].map((k) => ({
          text: kkru(`${n}.${k} нұсқа`, `Вариант ${n}.${k}`),
          ...(k <= 2 ? { correct: true } : {}),
        })),
      });
    } else {
      items.push({ ...base, type: 'true_false', answer: n % 2 === 0 });
    }
  }
  return items;
}

/** Writes the package `<dir>/bench-exam-day/` and returns its path. */
function writeCoursePackage(dir) {
  const root = path.join(dir, COURSE_SLUG);
  fs.mkdirSync(path.join(root, 'lessons'), { recursive: true });
  fs.mkdirSync(path.join(root, 'banks'), { recursive: true });
  const course = {
    slug: COURSE_SLUG,
    level: 'acquire',
    kind: 'mooc',
    languages: ['kk', 'ru'],
    hours: 2,
    title: kkru('Емтихан күні (бенчмарк)', 'День экзамена (бенчмарк)'),
    competencies: COMPETENCIES,
    modules: [
      {
        key: 'exam',
        title: kkru('Емтихан', 'Экзамен'),
        lessons: [
          {
            key: LESSON_KEY,
            title: kkru('Емтихан туралы', 'Об экзамене'),
            minutes: 5,
          },
        ],
      },
    ],
    assessments: [
      {
        key: ASSESSMENT_KEY,
        kind: 'final',
        title: kkru('Қорытынды тест', 'Итоговый тест'),
        passMark: PASS_MARK,
        timeLimitMinutes: TIME_LIMIT_MINUTES,
        attemptsAllowed: 3,
        required: true,
        competencies: COMPETENCIES,
        sections: [
          {
            key: 'main',
            draw: { bank: BANK_KEY, count: ITEMS_PER_ATTEMPT, stratify: true },
          },
        ],
      },
    ],
  };
  fs.writeFileSync(path.join(root, 'course.yaml'), YAML.stringify(course));
  fs.writeFileSync(
    path.join(root, 'lessons', `${LESSON_KEY}.kk.md`),
    'Қорытынды тест 20 сұрақтан тұрады, уақыты 60 минут.\n',
  );
  fs.writeFileSync(
    path.join(root, 'lessons', `${LESSON_KEY}.ru.md`),
    'Итоговый тест из 20 вопросов, на него отводится 60 минут.\n',
  );
  fs.writeFileSync(
    path.join(root, 'banks', `${BANK_KEY}.yaml`),
    YAML.stringify({ title: kkru('Емтихан банкі', 'Банк экзамена'), items: bankItems() }),
  );
  return root;
}

// ---- HTTP ------------------------------------------------------------------------------------

// Keep-alive connections shared by all teachers: at most SOCKETS at once, the rest queue here.
// undici rather than node:http: the generator shares the two cores with the API and
// PostgreSQL, and undici spends about half the CPU per request. A new pool for each run (the
// previous one is destroyed with its API).
const newAgent = () =>
  new Pool(`http://127.0.0.1:${PORT}`, {
    connections: SOCKETS,
    keepAliveTimeout: 10 * 60_000,
    keepAliveMaxTimeout: 10 * 60_000,
    headersTimeout: REQUEST_TIMEOUT_MS,
    bodyTimeout: REQUEST_TIMEOUT_MS,
  });
let agent = newAgent();

/**
 * One request; never throws. `status` 0 means a network error (`error` says which); `t0` and
 * `t1` are when it was issued and when its body had arrived (performance.now(), ms).
 */
async function request(method, urlPath, { token, json } = {}) {
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let body;
  if (json !== undefined) {
    body = JSON.stringify(json);
    headers['content-type'] = 'application/json';
  }
  const t0 = performance.now();
  try {
    const res = await agent.request({ method, path: urlPath, headers, body });
    const text = await res.body.text();
    let parsed = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    return { status: res.statusCode, body: parsed ?? text, t0, t1: performance.now() };
  } catch (e) {
    return { status: 0, error: e.code || e.message, t0, t1: performance.now() };
  }
}

// ---- measuring -------------------------------------------------------------------------------

/** Requests of one phase: latencies, status codes, errors (anything but `okStatus`). */
function phase(name, okStatuses) {
  const latencies = [];
  const statuses = {};
  const errorSamples = [];
  let errors = 0;
  let first = Infinity;
  let last = -Infinity;
  return {
    name,
    record(res) {
      latencies.push(res.t1 - res.t0);
      const key = res.status === 0 ? `network:${res.error}` : String(res.status);
      statuses[key] = (statuses[key] ?? 0) + 1;
      if (res.t0 < first) first = res.t0;
      if (res.t1 > last) last = res.t1;
      const ok = okStatuses.includes(res.status);
      if (!ok) {
        errors += 1;
        if (errorSamples.length < 10) {
          errorSamples.push({
            status: res.status,
            error: res.error ?? null,
            body: typeof res.body === 'string' ? res.body.slice(0, 500) : res.body,
          });
        }
      }
      return ok;
    },
    get first() {
      return first;
    },
    get last() {
      return last;
    },
    summary() {
      const sorted = Float64Array.from(latencies).sort();
      const pct = (p) =>
        sorted.length
          ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
          : null;
      const durationS = sorted.length ? (last - first) / 1000 : 0;
      const fiveXx = Object.entries(statuses)
        .filter(([k]) => /^5\d\d$/.test(k))
        .reduce((s, [, v]) => s + v, 0);
      return {
        phase: name,
        requests: sorted.length,
        ok: sorted.length - errors,
        errors,
        fiveXx,
        statuses,
        // From the first request issued to the last answer received.
        durationS,
        perSec: durationS > 0 ? sorted.length / durationS : null,
        latencyMs: {
          p50: pct(50),
          p95: pct(95),
          p99: pct(99),
          max: sorted.length ? sorted[sorted.length - 1] : null,
          mean: sorted.length ? sorted.reduce((s, x) => s + x, 0) / sorted.length : null,
        },
        errorSamples,
      };
    },
  };
}

let CLK_TCK = 100;
try {
  CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  // the usual Linux value
}

/**
 * CPU ticks (utime + stime, all threads) of every process, by pid: `postgres` processes summed
 * apart, and those serving this bench's database (the backends' titles name it). A process that
 * exits between two readings takes its ticks with it; the API's pool keeps its connections open.
 */
function processTicks() {
  const byPid = new Map();
  let pgAll = 0;
  let pgOurs = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const rest = stat.slice(close + 2).split(' ');
      const ticks = Number(rest[11]) + Number(rest[12]);
      byPid.set(Number(entry), { comm, ticks });
      if (comm !== 'postgres') continue;
      pgAll += ticks;
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(` ${DB_NAME} `)) pgOurs += ticks;
    } catch {
      // exited meanwhile
    }
  }
  return { byPid, pg: { all: pgAll, ours: pgOurs } };
}

const STAT_FIELDS = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal'];

/** The whole machine's ticks by kind (/proc/stat), all cores together. */
function machineTicks() {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  return Object.fromEntries(STAT_FIELDS.map((f, i) => [f, v[i] || 0]));
}

/** Everything the CPU figures need, read synchronously. */
/** utime + stime of one thread (`/proc/<pid>/task/<tid>/stat`) in ticks, or null. */
function threadTicks(pid, tid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[11]) + Number(rest[12]);
  } catch {
    return null;
  }
}

/** [ns on a CPU, ns waiting for one] of a thread (`/proc/<pid>/task/<tid>/schedstat`), or null. */
function threadSched(pid, tid) {
  try {
    const [run, wait] = fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ');
    return [Number(run), Number(wait)];
  } catch {
    return null;
  }
}

const TCP_COUNTERS = {
  ListenOverflows: 'TcpExt',
  ListenDrops: 'TcpExt',
  TCPSynRetrans: 'TcpExt',
  TCPTimeouts: 'TcpExt',
  RetransSegs: 'Tcp',
};

/**
 * The kernel's TCP counters for the whole machine (/proc/net/netstat, /proc/net/snmp): a full
 * listen queue (ListenOverflows) drops a connection's SYN, and the client tries again after
 * 1 s, then 3 s, 7 s… (TCPSynRetrans).
 */
function tcpCounters() {
  const out = {};
  for (const file of ['/proc/net/netstat', '/proc/net/snmp']) {
    let lines;
    try {
      lines = fs.readFileSync(file, 'utf8').split('\n');
    } catch {
      continue;
    }
    for (let i = 0; i + 1 < lines.length; i += 2) {
      const names = lines[i].split(/\s+/);
      const values = lines[i + 1].split(/\s+/);
      const group = names[0].replace(':', '');
      names.forEach((name, j) => {
        if (TCP_COUNTERS[name] === group) out[name] = Number(values[j]);
      });
    }
  }
  return out;
}

function cpuSnapshot(apiPid) {
  const u = process.cpuUsage();
  const procs = processTicks();
  return {
    at: performance.now(),
    generatorUs: u.user + u.system,
    generatorMainTicks: threadTicks(process.pid, process.pid),
    apiTicks: procs.byPid.get(apiPid)?.ticks ?? null,
    // The main thread runs the event loop: near 100 % means the API has no CPU to spare.
    apiMainTicks: threadTicks(apiPid, apiPid),
    apiMainSched: threadSched(apiPid, apiPid),
    generatorMainSched: threadSched(process.pid, process.pid),
    pg: procs.pg,
    byPid: procs.byPid,
    machine: machineTicks(),
    tcp: tcpCounters(),
  };
}

function schedBetween(a, b, wallS) {
  if (!a || !b) return null;
  return {
    runPct: ((b[0] - a[0]) / 1e9 / wallS) * 100,
    waitPct: ((b[1] - a[1]) / 1e9 / wallS) * 100,
  };
}

/**
 * CPU between two snapshots, in % of one core: the generator (process.cpuUsage), the API
 * (/proc/<pid>/stat), PostgreSQL (every `postgres` process), the machine by kind of time
 * (/proc/stat: user, system, softirq…; busy = all but idle and iowait) and what the machine
 * spent beyond these three (the kernel's network and other processes), with the busiest others.
 */
function cpuBetween(a, b, apiPid) {
  const wallS = (b.at - a.at) / 1000;
  if (!(wallS > 0)) return null;
  const pct = (ticks) => (ticks / CLK_TCK / wallS) * 100;
  const machine = Object.fromEntries(STAT_FIELDS.map((f) => [f, pct(b.machine[f] - a.machine[f])]));
  const busy = STAT_FIELDS.filter((f) => f !== 'idle' && f !== 'iowait').reduce(
    (t, f) => t + machine[f],
    0,
  );
  const generatorPct = ((b.generatorUs - a.generatorUs) / 1e6 / wallS) * 100;
  const apiPct = a.apiTicks === null || b.apiTicks === null ? null : pct(b.apiTicks - a.apiTicks);
  const postgresAllPct = pct(b.pg.all - a.pg.all);
  const others = new Map();
  for (const [pid, p] of b.byPid) {
    if (pid === process.pid || pid === apiPid || p.comm === 'postgres') continue;
    const before = a.byPid.get(pid);
    const d = p.ticks - (before && before.comm === p.comm ? before.ticks : p.ticks);
    if (d > 0) others.set(p.comm, (others.get(p.comm) ?? 0) + d);
  }
  return {
    wallS,
    generatorPct,
    apiPct,
    postgresAllPct,
    postgresThisDbPct: pct(b.pg.ours - a.pg.ours),
    machineCores: os.cpus().length,
    // Every core busy = 100 × cores.
    machineBusyPct: busy,
    machine,
    unattributedPct: busy - generatorPct - (apiPct ?? 0) - postgresAllPct,
    apiMainThreadPct:
      a.apiMainTicks === null || b.apiMainTicks === null
        ? null
        : pct(b.apiMainTicks - a.apiMainTicks),
    generatorMainThreadPct:
      a.generatorMainTicks === null || b.generatorMainTicks === null
        ? null
        : pct(b.generatorMainTicks - a.generatorMainTicks),
    // Main threads: % of the time running, and % runnable but waiting for a core. Together
    // near 100 %, the thread always had work: its process was saturated.
    apiMainSched: schedBetween(a.apiMainSched, b.apiMainSched, wallS),
    generatorMainSched: schedBetween(a.generatorMainSched, b.generatorMainSched, wallS),
    tcp: Object.fromEntries(Object.keys(b.tcp).map((k) => [k, b.tcp[k] - (a.tcp[k] ?? 0)])),
    otherProcesses: [...others.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 5)
      .map(([comm, ticks]) => ({ comm, pct: pct(ticks) })),
  };
}

/**
 * Every SAMPLE_MS: CPU, the database's commit and WAL counters, and what its connections from
 * the API are doing (pg_stat_activity: state and wait event; "CPU" when active without a wait).
 */
function startSampler(apiPid, pg) {
  const samples = [];
  let busy = false;
  const take = async () => {
    if (busy) return; // a slow query must not pile up readings
    busy = true;
    const cpu = cpuSnapshot(apiPid);
    try {
      // One client, so one query at a time.
      const { rows: db } = await pg.query(
        `SELECT xact_commit::bigint AS commits, xact_rollback::bigint AS rollbacks
           FROM pg_stat_database WHERE datname = $1`,
        [DB_NAME],
      );
      const { rows: wal } = await pg.query(
        `SELECT wal_records::bigint AS records, wal_bytes::bigint AS bytes,
                wal_write::bigint AS writes, wal_sync::bigint AS syncs
           FROM pg_stat_wal`,
      );
      const { rows: activity } = await pg.query(
        `SELECT state, coalesce(wait_event_type || ':' || wait_event, 'CPU') AS wait,
                count(*)::int AS n
           FROM pg_stat_activity
          WHERE datname = $1 AND application_name = 'qadam' AND state <> 'idle'
          GROUP BY 1, 2`,
        [DB_NAME],
      );
      samples.push({
        at: cpu.at,
        cpu,
        commits: Number(db[0]?.commits ?? 0),
        rollbacks: Number(db[0]?.rollbacks ?? 0),
        wal: {
          records: Number(wal[0].records),
          bytes: Number(wal[0].bytes),
          writes: Number(wal[0].writes),
          syncs: Number(wal[0].syncs),
        },
        activity: activity.map((a) => ({ state: a.state, wait: a.wait, n: a.n })),
      });
    } catch (e) {
      log(`sampler: ${e.message}`);
    } finally {
      busy = false;
    }
  };
  void take();
  const timer = setInterval(() => void take(), SAMPLE_MS);
  return {
    samples,
    async stop() {
      clearInterval(timer);
      while (busy) await delay(10);
      await take();
      return samples;
    },
  };
}

/** Database rates and connection states over [from, to] (performance.now() ms). */
function databaseBetween(samples, from, to) {
  const inside = samples.filter((s) => s.at >= from - SAMPLE_MS / 2 && s.at <= to + SAMPLE_MS / 2);
  if (inside.length < 2) return null;
  const a = inside[0];
  const b = inside[inside.length - 1];
  const s = (b.at - a.at) / 1000;
  const waits = {};
  let busy = 0;
  for (const x of inside) {
    for (const w of x.activity) {
      const k = `${w.state} / ${w.wait}`;
      waits[k] = (waits[k] ?? 0) + w.n;
      busy += w.n;
    }
  }
  const top = Object.entries(waits)
    .sort((p, q) => q[1] - p[1])
    .map(([k, n]) => ({ what: k, meanConnections: n / inside.length }));
  return {
    seconds: s,
    samples: inside.length,
    commitsPerSec: (b.commits - a.commits) / s,
    walSyncsPerSec: (b.wal.syncs - a.wal.syncs) / s,
    walWritesPerSec: (b.wal.writes - a.wal.writes) / s,
    walKiBPerSec: (b.wal.bytes - a.wal.bytes) / 1024 / s,
    // Mean number of the API's connections not idle, and what they were doing.
    meanBusyConnections: busy / inside.length,
    maxBusyConnections: Math.max(...inside.map((x) => x.activity.reduce((t, w) => t + w.n, 0))),
    waits: top,
  };
}

/** Completions per whole second of a phase (from its first request). */
function perSecond(ends, from) {
  const bins = [];
  for (const t of ends) {
    const i = Math.floor((t - from) / 1000);
    bins[i] = (bins[i] ?? 0) + 1;
  }
  return Array.from(bins, (x) => x ?? 0);
}

// ---- the virtual teachers ------------------------------------------------------------------

const think = () => THINK_MIN_MS + Math.random() * (THINK_MAX_MS - THINK_MIN_MS);

/** A random answer of the right shape for an item as the attempt shows it. */
function randomResponse(item) {
  const ids = (item.options ?? []).map((o) => o.id);
  switch (item.type) {
    case 'single':
      return ids[Math.floor(Math.random() * ids.length)];
    case 'multiple': {
      const picked = ids.filter(() => Math.random() < 0.5);
      return picked.length ? picked : [ids[Math.floor(Math.random() * ids.length)]];
    }
    case 'true_false':
      return Math.random() < 0.5;
    case 'short_answer':
      return 'жауап';
    case 'numeric':
      return Math.round(Math.random() * 100);
    default:
      throw new Error(`No random answer for an item of type ${item.type}`);
  }
}

async function loginAll(teachers, rec) {
  let next = 0;
  const worker = async () => {
    while (next < teachers.length) {
      const t = teachers[next++];
      const res = await request('POST', '/api/auth/login', {
        json: { email: t.email, password: PASSWORD },
      });
      if (rec.record(res) && res.body?.accessToken) t.token = res.body.accessToken;
      if (next % 500 === 0) checkInterrupted();
    }
  };
  await Promise.all(Array.from({ length: Math.min(LOGIN_CONCURRENCY, teachers.length) }, worker));
}

/**
 * One teacher after the synchronised start: the attempt's answer, then SAVES_PER_TEACHER
 * autosaves with a think time before each.
 */
async function takeTest(t, startRes, recs, ends, onFirstSave) {
  if (!recs.start.record(startRes)) return;
  ends.start.push(startRes.t1);
  const attempt = startRes.body;
  t.attemptId = attempt.id;
  t.created = startRes.status === 201;
  t.itemCount = attempt.items?.length ?? 0;
  const items = attempt.items ?? [];
  if (!items.length) return;
  t.saved = new Set();
  t.saves = 0;
  let nextItem = 0;
  for (let k = 0; k < SAVES_PER_TEACHER; k++) {
    await delay(think());
    checkInterrupted(); // Ctrl-C: the first loop to notice ends the run, and the clean-up runs
    let item;
    if (nextItem < items.length && (t.saved.size === 0 || Math.random() >= RESAVE_SHARE)) {
      item = items[nextItem++];
    } else {
      // A change of mind: an item answered already (any item, if none was saved).
      const answered = t.saved.size ? [...t.saved] : items.map((i) => i.id);
      const id = answered[Math.floor(Math.random() * answered.length)];
      item = items.find((i) => i.id === id);
    }
    onFirstSave();
    const res = await request('PUT', `/api/attempts/${t.attemptId}/responses/${item.id}`, {
      token: t.token,
      json: { response: randomResponse(item) },
    });
    if (recs.save.record(res)) {
      t.saved.add(item.id);
      t.saves += 1;
      ends.save.push(res.t1);
    }
    ends.saveIssued.push(res.t0);
    ends.saveLatency.push(res.t1 - res.t0);
    t.doneAt = res.t1;
  }
}

/**
 * The steady part of the save phase: from the last start answered until the first teacher has
 * made all their saves, when all N are in their save loops (no start queued, none finished).
 */
function steadySaves(ends, samples, from, to, apiPid) {
  if (!(to > from)) return null;
  const lat = [];
  for (let i = 0; i < ends.saveIssued.length; i++) {
    if (ends.saveIssued[i] >= from && ends.saveIssued[i] < to) lat.push(ends.saveLatency[i]);
  }
  lat.sort((x, y) => x - y);
  const pct = (p) =>
    lat.length ? lat[Math.min(lat.length - 1, Math.ceil((p / 100) * lat.length) - 1)] : null;
  const completed = ends.save.filter((t) => t >= from && t < to).length;
  // CPU per save from the samples inside the window.
  const inside = samples.filter((x) => x.at >= from && x.at <= to);
  let cpu = null;
  if (inside.length >= 2) {
    const a = inside[0];
    const b = inside[inside.length - 1];
    const saves = ends.save.filter((t) => t >= a.at && t < b.at).length;
    const ms = (ticks) => (saves ? (ticks / CLK_TCK / saves) * 1000 : null);
    cpu = {
      ...cpuBetween(a.cpu, b.cpu, apiPid),
      saves,
      apiMsPerSave: a.cpu.apiTicks === null ? null : ms(b.cpu.apiTicks - a.cpu.apiTicks),
      apiMainThreadMsPerSave:
        a.cpu.apiMainTicks === null ? null : ms(b.cpu.apiMainTicks - a.cpu.apiMainTicks),
      postgresMsPerSave: ms(b.cpu.pg.all - a.cpu.pg.all),
      generatorMsPerSave: saves ? (b.cpu.generatorUs - a.cpu.generatorUs) / 1000 / saves : null,
    };
  }
  return {
    seconds: (to - from) / 1000,
    issued: lat.length,
    completedPerSec: completed / ((to - from) / 1000),
    latencyMs: {
      p50: pct(50),
      p95: pct(95),
      p99: pct(99),
      max: lat.length ? lat[lat.length - 1] : null,
    },
    cpu,
  };
}

// ---- one run ---------------------------------------------------------------------------------

async function setUp(n, tmp) {
  await bench.reset();
  bench.migrate();
  const pkg = writeCoursePackage(fs.mkdtempSync(path.join(tmp, `n${n}-`)));
  log(`importing ${path.relative(tmp, pkg)} (bank of ${BANK_ITEMS} items)`);
  node('dist/backend/src/cli/courses-import.js', [pkg, '--publish']);
  checkInterrupted();
}

/** One teacher through the API (a real argon2 hash), then N with one SQL statement, enrolled. */
async function fillTeachers(n) {
  const { makeIin } = require(path.join(ROOT, 'dist/backend/src/users/iin.js'));
  const reg = await request('POST', '/api/auth/register', {
    json: {
      email: SOURCE_EMAIL,
      password: PASSWORD,
      fullName: 'Бенчмарк Мұғалім',
      iin: makeIin('1980-05-17', 'female', 4242),
      region: 'turkistan',
      school: '№12 жалпы білім беретін мектеп',
      schoolKind: 'rural',
      subjects: ['informatics'],
      grades: ['secondary'],
      language: 'kk',
    },
  });
  if (reg.status !== 201) {
    throw new Error(`POST /api/auth/register answered ${reg.status}: ${JSON.stringify(reg.body)}`);
  }
  const insertStart = performance.now();
  const ids = await bench.withDatabase(async (c) => {
    const users = await c.query(
      `INSERT INTO users (email, password_hash, full_name, language)
       SELECT 'bench.teacher.' || lpad(g::text, 6, '0') || '@orleu.kz', s.password_hash,
              'Bench Teacher ' || g, 'kk'
         FROM generate_series(1, $1::int) AS g,
              (SELECT password_hash FROM users WHERE email = $2) AS s`,
      [n, SOURCE_EMAIL],
    );
    const enrolled = await c.query(
      `INSERT INTO enrollments (user_id, course_id, version_id, status, source, progress)
       SELECT u.id, c.id, c.published_version_id, 'active', 'admin', 0
         FROM users u, courses c
        WHERE c.slug = $1 AND u.email LIKE 'bench.teacher.%@orleu.kz'`,
      [COURSE_SLUG],
    );
    // What autovacuum would soon do on real tables of this size.
    await c.query('ANALYZE users');
    await c.query('ANALYZE enrollments');
    const { rows } = await c.query(
      `SELECT ca.id FROM course_assessments ca
         JOIN courses c ON c.published_version_id = ca.version_id
        WHERE c.slug = $1 AND ca.key = $2`,
      [COURSE_SLUG, ASSESSMENT_KEY],
    );
    if (users.rowCount !== n || enrolled.rowCount !== n) {
      throw new Error(
        `inserted ${users.rowCount} teachers and ${enrolled.rowCount} enrolments, expected ${n}`,
      );
    }
    if (rows.length !== 1)
      throw new Error(`found ${rows.length} published "${ASSESSMENT_KEY}" assessments`);
    return { assessmentId: rows[0].id };
  });
  return { ...ids, insertS: (performance.now() - insertStart) / 1000 };
}

async function databaseSettings() {
  return bench.withDatabase(async (c) => {
    const out = {};
    for (const name of [
      'synchronous_commit',
      'fsync',
      'wal_sync_method',
      'commit_delay',
      'shared_buffers',
      'max_connections',
    ]) {
      out[name] = (await c.query(`SHOW ${name}`)).rows[0][name];
    }
    return out;
  });
}

async function countRows() {
  return bench.withDatabase(async (c) => {
    const { rows } = await c.query(
      `SELECT (SELECT count(*)::int FROM attempts) AS attempts,
              (SELECT count(*)::int FROM attempts WHERE status = 'graded') AS graded,
              (SELECT count(*)::int FROM attempts WHERE status = 'in_progress') AS open,
              (SELECT count(*)::int FROM attempt_items) AS "attemptItems",
              (SELECT count(*)::int FROM responses) AS responses,
              (SELECT count(*)::int FROM responses WHERE saved_at IS NOT NULL) AS saved,
              (SELECT count(*)::int FROM attempts WHERE passed) AS passed`,
    );
    return rows[0];
  });
}

async function runOnce(n, tmp) {
  log(`=== ${n.toLocaleString('en-US')} teachers ===`);
  await setUp(n, tmp);
  let apiProcess = null;
  let sampler = null;
  const pg = new (require('pg').Client)({ connectionString: bench.databaseUrl });
  try {
    apiProcess = await bench.startApi();
    const apiPid = apiProcess.pid;
    const { assessmentId, insertS } = await fillTeachers(n);
    log(
      `${n} teachers inserted and enrolled in ${insertS.toFixed(2)} s; assessment ${assessmentId}`,
    );
    const settings = await databaseSettings();
    await pg.connect();
    checkInterrupted();

    const teachers = Array.from({ length: n }, (_, i) => ({ email: teacherEmail(i + 1) }));
    const recs = {
      login: phase('login', [200]),
      // 200 (the unfinished attempt back) is no error, but on a fresh database the check below
      // expects every start to create one.
      start: phase('start', [200, 201]),
      save: phase('save', [200]),
      submit: phase('submit', [200]),
    };
    const loops = Object.fromEntries(
      Object.keys(recs).map((k) => [k, monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS })]),
    );
    const cpu = {};

    // 1. Logins: a setup phase, LOGIN_CONCURRENCY at a time (argon2 verification each).
    log(`logging in ${n} teachers, ${LOGIN_CONCURRENCY} at a time`);
    sampler = startSampler(apiPid, pg);
    cpu.loginFrom = cpuSnapshot(apiPid);
    loops.login.enable();
    await loginAll(teachers, recs.login);
    loops.login.disable();
    cpu.loginTo = cpuSnapshot(apiPid);
    const loggedIn = teachers.filter((t) => t.token);
    log(`${loggedIn.length} logged in in ${recs.login.summary().durationS.toFixed(1)} s`);
    checkInterrupted();

    // Teachers waiting on the exam page already hold a connection: open the client's
    // connections now (GET /api/reference), so that the start measures the API and not a
    // storm of new connections. BENCH_COLD_START=1 leaves them to the start.
    let warmUp = null;
    if (!COLD_START) {
      const count = Math.min(SOCKETS, loggedIn.length);
      const from = cpuSnapshot(apiPid);
      const res = await Promise.all(
        Array.from({ length: count }, () => request('GET', '/api/reference')),
      );
      const to = cpuSnapshot(apiPid);
      warmUp = {
        requests: count,
        ok: res.filter((r) => r.status === 200).length,
        seconds: (to.at - from.at) / 1000,
        openConnections: agent.stats.connected,
        tcp: cpuBetween(from, to, apiPid).tcp,
      };
      log(
        `${warmUp.openConnections} connections open (${warmUp.ok} of ${count} GET /api/reference ` +
          `answered 200 in ${warmUp.seconds.toFixed(1)} s)`,
      );
    }
    await delay(1000); // a quiet second between the phases
    log(`${loggedIn.length} teachers start together`);

    // 2. The synchronised start, then each teacher's saves as soon as their attempt is there.
    const ends = { start: [], save: [], saveIssued: [], saveLatency: [] };
    let firstSaveSeen = false;
    const onFirstSave = () => {
      if (firstSaveSeen) return;
      firstSaveSeen = true;
      cpu.saveFrom = cpuSnapshot(apiPid);
      loops.save.enable();
    };
    let startsLeft = loggedIn.length;
    cpu.startFrom = cpuSnapshot(apiPid);
    loops.start.enable();
    const runs = loggedIn.map((t) =>
      request('POST', `/api/assessments/${assessmentId}/attempts`, { token: t.token }).then(
        (res) => {
          startsLeft -= 1;
          if (startsLeft === 0) {
            loops.start.disable();
            cpu.startTo = cpuSnapshot(apiPid);
          }
          return takeTest(t, res, recs, ends, onFirstSave);
        },
      ),
    );
    log(`${loggedIn.length} starts sent`);
    await Promise.all(runs);
    if (firstSaveSeen) loops.save.disable();
    cpu.saveTo = cpuSnapshot(apiPid);
    const afterSaves = await countRows();
    log(`saves done: ${recs.save.summary().ok} saved`);
    checkInterrupted();
    await delay(1000);

    // 3. Everyone submits at once.
    const started = loggedIn.filter((t) => t.attemptId);
    cpu.submitFrom = cpuSnapshot(apiPid);
    loops.submit.enable();
    const results = await Promise.all(
      started.map((t) =>
        request('POST', `/api/attempts/${t.attemptId}/submit`, { token: t.token }).then((res) => {
          if (recs.submit.record(res)) t.result = res.body;
          return res;
        }),
      ),
    );
    loops.submit.disable();
    cpu.submitTo = cpuSnapshot(apiPid);
    log(`${results.filter((r) => r.status === 200).length} submitted`);
    await delay(SAMPLE_MS);
    const samples = await sampler.stop();
    sampler = null;
    const afterSubmit = await countRows();

    // ---- figures and invariants ----
    const summaries = Object.fromEntries(Object.entries(recs).map(([k, r]) => [k, r.summary()]));
    const windows = {
      login: [recs.login.first, recs.login.last],
      start: [recs.start.first, recs.start.last],
      save: [recs.save.first, recs.save.last],
      submit: [recs.submit.first, recs.submit.last],
    };
    const cpuByPhase = {
      login: cpuBetween(cpu.loginFrom, cpu.loginTo, apiPid),
      start: cpu.startTo ? cpuBetween(cpu.startFrom, cpu.startTo, apiPid) : null,
      save: cpu.saveFrom ? cpuBetween(cpu.saveFrom, cpu.saveTo, apiPid) : null,
      submit: cpuBetween(cpu.submitFrom, cpu.submitTo, apiPid),
    };
    const database = Object.fromEntries(
      Object.entries(windows).map(([k, [a, b]]) => [
        k,
        Number.isFinite(a) ? databaseBetween(samples, a, b) : null,
      ]),
    );
    const generatorLoop = Object.fromEntries(
      Object.entries(loops).map(([k, h]) => [
        k,
        // The histogram holds the timer's whole period; the lag is what exceeds it.
        {
          p50Ms: Math.max(0, h.percentile(50) / 1e6 - LOOP_RESOLUTION_MS),
          p99Ms: Math.max(0, h.percentile(99) / 1e6 - LOOP_RESOLUTION_MS),
          maxMs: Math.max(0, h.max / 1e6 - LOOP_RESOLUTION_MS),
        },
      ]),
    );
    const saveBins = perSecond(ends.save, recs.save.first);
    const firstDone = started.reduce((m, t) => Math.min(m, t.doneAt ?? Infinity), Infinity);
    const steady = steadySaves(ends, samples, recs.start.last, firstDone, apiPid);
    if (steady) database.saveSteady = databaseBetween(samples, recs.start.last, firstDone);
    const distinctPairs = started.reduce((s, t) => s + (t.saved?.size ?? 0), 0);
    const resaves = started.reduce((s, t) => s + (t.saves ?? 0) - (t.saved?.size ?? 0), 0);

    const failures = [];
    const check = (label, actual, expected) => {
      if (actual !== expected) failures.push(`${label}: ${actual}, expected ${expected}`);
    };
    for (const [k, s] of Object.entries(summaries)) {
      check(`${k}: errors`, s.errors, 0);
      check(`${k}: 5xx responses`, s.fiveXx, 0);
    }
    check('teachers logged in', loggedIn.length, n);
    check('attempts started (201)', started.filter((t) => t.created).length, n);
    check(
      `attempts with ${ITEMS_PER_ATTEMPT} items`,
      started.filter((t) => t.itemCount === ITEMS_PER_ATTEMPT).length,
      n,
    );
    check('saves accepted', summaries.save.ok, n * SAVES_PER_TEACHER);
    check('database before submitting: attempts in progress', afterSaves.open, n);
    check(
      'database before submitting: response rows = distinct (attempt, item) saved',
      afterSaves.responses,
      distinctPairs,
    );
    check('database: attempts', afterSubmit.attempts, n);
    check('database: attempts graded', afterSubmit.graded, n);
    check('database: attempt items', afterSubmit.attemptItems, n * ITEMS_PER_ATTEMPT);
    check(
      'database: responses with an answer saved = distinct (attempt, item) saved',
      afterSubmit.saved,
      distinctPairs,
    );
    check(
      'database: response rows after grading (one per item)',
      afterSubmit.responses,
      n * ITEMS_PER_ATTEMPT,
    );
    check(
      'submit answers with status graded',
      started.filter((t) => t.result?.status === 'graded').length,
      n,
    );

    const s = summaries;
    const offeredSavesPerSec = (n * 1000) / ((THINK_MIN_MS + THINK_MAX_MS) / 2);
    const targets = [
      {
        target: `saves/s ≥ ${TARGETS.savesPerSec.toLocaleString('en-US')}`,
        value: s.save.perSec,
        shown: `${fmt(s.save.perSec)}/s`,
        verdict:
          offeredSavesPerSec < TARGETS.savesPerSec
            ? 'n/a'
            : s.save.perSec >= TARGETS.savesPerSec
              ? 'PASS'
              : 'FAIL',
        note:
          offeredSavesPerSec < TARGETS.savesPerSec
            ? `the think time offers only about ${Math.round(offeredSavesPerSec)}/s at N = ${fmt(n)}`
            : `offered about ${Math.round(offeredSavesPerSec)}/s`,
      },
      {
        target: `save p95 ≤ ${TARGETS.saveP95Ms} ms`,
        value: s.save.latencyMs.p95,
        shown: `${fmt(s.save.latencyMs.p95, 1)} ms`,
        verdict:
          s.save.latencyMs.p95 !== null && s.save.latencyMs.p95 <= TARGETS.saveP95Ms
            ? 'PASS'
            : 'FAIL',
      },
      {
        target: 'saves: zero errors',
        value: s.save.errors,
        shown: `${fmt(s.save.errors)} of ${fmt(s.save.requests)}`,
        verdict: s.save.errors === 0 && s.save.requests === n * SAVES_PER_TEACHER ? 'PASS' : 'FAIL',
      },
      {
        target: `${TARGETS.syncStarts.toLocaleString('en-US')} synchronised starts in ≤ ${TARGETS.startAbsorbS} s`,
        value: s.start.durationS,
        shown: `${fmt(s.start.durationS, 2)} s, ${fmt(s.start.errors)} errors`,
        verdict:
          n < TARGETS.syncStarts
            ? 'n/a'
            : s.start.durationS <= TARGETS.startAbsorbS && s.start.errors === 0
              ? 'PASS'
              : 'FAIL',
        note: n < TARGETS.syncStarts ? `only ${fmt(n)} starts in this run` : undefined,
      },
    ];

    return {
      teachers: n,
      ok: failures.length === 0,
      failures,
      targets,
      settings,
      warmUp,
      insertS,
      assessmentId,
      phases: summaries,
      cpu: cpuByPhase,
      database,
      generatorEventLoop: generatorLoop,
      saves: {
        perTeacher: SAVES_PER_TEACHER,
        distinctPairs,
        resaves,
        offeredPerSec: offeredSavesPerSec,
        perSecondBins: saveBins,
        steady,
        firstSaveAfterFirstStartS: (recs.save.first - recs.start.first) / 1000,
      },
      starts: { perSecondBins: perSecond(ends.start, recs.start.first) },
      rows: { afterSaves, afterSubmit },
      results: {
        passed: afterSubmit.passed,
        meanPercent:
          started.reduce((sum, t) => sum + (t.result?.percent ?? 0), 0) /
          Math.max(1, started.length),
      },
      samples: samples.map((x) => ({
        atS: (x.at - recs.login.first) / 1000,
        commits: x.commits,
        walSyncs: x.wal.syncs,
        walBytes: x.wal.bytes,
        apiTicks: x.cpu.apiTicks,
        postgresTicks: x.cpu.pg.all,
        machine: x.cpu.machine,
        generatorUs: x.cpu.generatorUs,
        activity: x.activity,
      })),
    };
  } finally {
    if (sampler) await sampler.stop().catch(() => {});
    await pg.end().catch(() => {});
    await bench.stopApi(apiProcess);
    await agent.destroy();
    agent = newAgent();
    await bench.cleanUp();
  }
}

// ---- output ------------------------------------------------------------------------------------

const fmt = (v, digits = 0) =>
  v === null || v === undefined || Number.isNaN(v)
    ? '-'
    : v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function printRun(r, machine) {
  const n = fmt(r.teachers);
  console.log(
    `\n${n} teachers: logins, then ${n} synchronised starts, ${fmt(r.teachers * SAVES_PER_TEACHER)} ` +
      `saves (think ${THINK_MIN_MS}–${THINK_MAX_MS} ms), ${n} submits at once (${machine.cpus} cores, ` +
      `Node ${machine.node}, PostgreSQL ${machine.postgres}; generator, API and database on them all):\n`,
  );
  const head = [
    'phase',
    'requests',
    'errors',
    'per s',
    'span s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'status codes',
  ];
  const row = (label, count, errors, perSec, spanS, l, statuses) => [
    label,
    fmt(count),
    errors === null ? '-' : fmt(errors),
    fmt(perSec, 0),
    fmt(spanS, 2),
    fmt(l.p50, 1),
    fmt(l.p95, 1),
    fmt(l.p99, 1),
    fmt(l.max, 0),
    statuses,
  ];
  const body = ['login', 'start', 'save', 'submit'].map((k) => {
    const s = r.phases[k];
    const codes = Object.entries(s.statuses)
      .map(([code, count]) => `${code}×${count}`)
      .join(' ');
    return row(k, s.requests, s.errors, s.perSec, s.durationS, s.latencyMs, codes);
  });
  const st = r.saves.steady;
  if (st) {
    body.splice(
      3,
      0,
      row('save, steady', st.issued, null, st.completedPerSec, st.seconds, st.latencyMs, ''),
    );
  }
  console.log(formatTable(head, body));
  console.log(
    `\nper s: requests / span; span: first request sent → last answer received. "save, steady": ` +
      `saves sent between the last start answered and the first teacher's last save, when all ` +
      `${n} are saving (per s: saves completed in it). ${fmt(r.saves.distinctPairs)} distinct ` +
      `(attempt, item) saved, ${fmt(r.saves.resaves)} re-saves.`,
  );
  if (st?.cpu) {
    console.log(
      `Steady saves, CPU in % of a core: API ${fmt(st.cpu.apiPct)} (main thread ` +
        `${fmt(st.cpu.apiMainThreadPct)}, runnable but waiting for a core ` +
        `${fmt(st.cpu.apiMainSched?.waitPct ?? null)}), PostgreSQL ${fmt(st.cpu.postgresAllPct)}, generator ` +
        `${fmt(st.cpu.generatorPct)}, machine ${fmt(st.cpu.machineBusyPct)} of 200; per save ` +
        `${fmt(st.cpu.apiMsPerSave, 2)} ms of API CPU (${fmt(st.cpu.apiMainThreadMsPerSave, 2)} on ` +
        `its main thread), ${fmt(st.cpu.postgresMsPerSave, 2)} ms of PostgreSQL, ` +
        `${fmt(st.cpu.generatorMsPerSave, 2)} ms of generator.`,
    );
  }

  console.log(`\nCPU (% of one core; the machine has ${r.cpu.login.machineCores} cores):\n`);
  const cpuHead = [
    'phase',
    'wall s',
    'generator %',
    'API % (main thread)',
    'API main: run + waiting %',
    'PostgreSQL %',
    'machine busy %',
    'unattributed %',
    'generator lag p99 ms',
    'commits/s',
    'WAL syncs/s',
    'busy DB conns',
  ];
  const cpuBody = ['login', 'start', 'save', 'submit'].map((k) => {
    const c = r.cpu[k];
    const d = r.database[k];
    return [
      k,
      fmt(c?.wallS, 2),
      fmt(c?.generatorPct),
      c ? `${fmt(c.apiPct)} (${fmt(c.apiMainThreadPct)})` : '-',
      c?.apiMainSched ? `${fmt(c.apiMainSched.runPct)} + ${fmt(c.apiMainSched.waitPct)}` : '-',
      fmt(c?.postgresAllPct),
      fmt(c?.machineBusyPct),
      fmt(c?.unattributedPct),
      fmt(r.generatorEventLoop[k].p99Ms, 1),
      fmt(d?.commitsPerSec),
      fmt(d?.walSyncsPerSec),
      d ? `${fmt(d.meanBusyConnections, 1)} (max ${d.maxBusyConnections})` : '-',
    ];
  });
  console.log(formatTable(cpuHead, cpuBody));
  console.log(
    `\nAPI main: the thread that runs its event loop, % of the time on a core + % runnable but ` +
      `waiting for one (/proc/<pid>/task/<pid>/schedstat). machine busy: all processes and the ` +
      `kernel (200 % = both cores); unattributed: busy minus generator, API and PostgreSQL. ` +
      `busy DB conns: the API's connections not idle, sampled every ${SAMPLE_MS} ms.`,
  );
  for (const k of ['start', 'save', 'submit']) {
    const waits = r.database[k]?.waits ?? [];
    if (!waits.length) continue;
    console.log(
      `${k}: the API's busy connections by state / wait (mean per sample): ` +
        waits
          .slice(0, 5)
          .map((w) => `${w.what} ${fmt(w.meanConnections, 2)}`)
          .join(', '),
    );
  }
  const tcp = ['start', 'save', 'submit']
    .filter((k) => r.cpu[k])
    .map(
      (k) =>
        `${k} ${fmt(r.cpu[k].tcp.ListenOverflows ?? null)} / ${fmt(r.cpu[k].tcp.TCPSynRetrans ?? null)}`,
    );
  const warm = r.warmUp
    ? `; ${fmt(r.warmUp.openConnections)} connections opened before the start ` +
      `(${fmt(r.warmUp.tcp.ListenOverflows ?? null)} / ${fmt(r.warmUp.tcp.TCPSynRetrans ?? null)})`
    : '; no connections opened before the start (BENCH_COLD_START=1)';
  console.log(`TCP listen-queue overflows / SYN retransmits: ${tcp.join(', ')}${warm}`);
  const others = r.cpu.save?.otherProcesses ?? [];
  if (others.length) {
    console.log(
      `save: other processes: ${others.map((o) => `${o.comm} ${fmt(o.pct, 1)} %`).join(', ')}`,
    );
  }

  console.log('\nTargets:');
  for (const t of r.targets) {
    console.log(`  ${t.verdict.padEnd(4)}  ${t.target}: ${t.shown}${t.note ? ` (${t.note})` : ''}`);
  }
  console.log(
    `\nDatabase after: ${fmt(r.rows.afterSubmit.graded)} of ${fmt(r.rows.afterSubmit.attempts)} attempts graded, ` +
      `${fmt(r.rows.afterSubmit.saved)} saved answers (${fmt(r.saves.distinctPairs)} expected), ` +
      `${fmt(r.rows.afterSubmit.passed)} passed (random answers).`,
  );
  if (r.failures.length) {
    console.error(`\nMismatches at N = ${n}:\n${r.failures.map((f) => `  ${f}`).join('\n')}`);
    for (const [k, s] of Object.entries(r.phases)) {
      for (const e of s.errorSamples.slice(0, 3)) {
        console.error(`  ${k} error: ${JSON.stringify(e).slice(0, 400)}`);
      }
    }
  }
}

async function main() {
  await bench.prepare();
  const machine = await bench.machine();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qadam-bench-exam-'));
  const runs = [];
  try {
    for (const n of TEACHER_COUNTS) {
      const r = await runOnce(n, tmp);
      runs.push(r);
      printRun(r, machine);
      checkInterrupted();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (runs.length) {
      const report = {
        date: new Date().toISOString(),
        command: 'npm run bench:exam',
        machine,
        config: {
          teachers: TEACHER_COUNTS,
          savesPerTeacher: SAVES_PER_TEACHER,
          resaveShare: RESAVE_SHARE,
          thinkMs: [THINK_MIN_MS, THINK_MAX_MS],
          sockets: SOCKETS,
          coldStart: COLD_START,
          loginConcurrency: LOGIN_CONCURRENCY,
          itemsPerAttempt: ITEMS_PER_ATTEMPT,
          bankItems: BANK_ITEMS,
          timeLimitMinutes: TIME_LIMIT_MINUTES,
          targets: TARGETS,
          clockTicksPerSec: CLK_TCK,
        },
        ok: runs.every((r) => r.ok),
        runs,
      };
      const file = writeResult('exam-day', report);
      console.log(`\nWritten to ${path.relative(ROOT, file)}`);
      if (!report.ok) process.exitCode = 1;
    }
  }
}

bench.handleSigint();

main().catch((e) => {
  console.error(e.message ?? e);
  process.exitCode = 1;
});
