#!/usr/bin/env node
// `npm run bench:bulk`: measures a 50,000-row CSV bulk enrolment processed as a background job
// (POST /api/admin/enrollments/bulk → 202, then polling GET /api/admin/enrollments/bulk/:id),
// against a production build of the API on a scratch database (qadam_bench_bulk) that is
// created, filled with 50,000 teachers and dropped. The same file is then sent again, when
// every row is already enrolled, to time a file that is checked and rejected as a whole.
// BENCH_ROWS=<even number above 2,000> changes the number of rows (default 50,000).
'use strict';
/* global fetch, performance */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { setInterval, clearInterval } = require('node:timers');
const { setTimeout: delay } = require('node:timers/promises');
const { ROOT, log, createHarness, writeResult, formatTable } = require('./harness');

const PORT = 3101;
const DB_NAME = 'qadam_bench_bulk';
const REDIS_KEY_PREFIX = 'qadam-bench-bulk';
const ROWS = Number(process.env.BENCH_ROWS || 50000);
// Up to 2,000 rows are applied while the admin waits (INLINE_ROWS); the bench is about the queue.
if (!Number.isInteger(ROWS) || ROWS <= 2000 || ROWS % 2 !== 0) {
  console.error('BENCH_ROWS must be an even whole number above 2,000.');
  process.exit(1);
}
const COURSE = 'ai-in-teachers-work'; // a published MOOC: its slug is accepted as the cohort
const ADMIN_EMAIL = 'bench.admin@orleu.kz';
const ADMIN_PASSWORD = crypto.randomBytes(24).toString('base64url');
const POLL_MS = 250;
const RSS_MS = 250;
const RUN_TIMEOUT_MS = 10 * 60 * 1000;
const MAX_LISTED_PROBLEMS = 1000; // MAX_LISTED_PROBLEMS in bulk-enrollment.service.ts

const bench = createHarness({
  dbName: DB_NAME,
  redisPrefix: REDIS_KEY_PREFIX,
  port: PORT,
  env: { QADAM_ADMIN_PASSWORD: ADMIN_PASSWORD },
});
const { base: BASE, node, checkInterrupted } = bench;

const teacherEmail = (n) => `bench.teacher.${String(n).padStart(6, '0')}@orleu.kz`;

/**
 * ROWS teachers: the first half are named in the CSV by e-mail, the second half (which have an
 * IIN) by IIN. The IINs are valid (check digit by the backend's own makeIin) and distinct.
 */
function makeTeachers() {
  const { makeIin } = require(path.join(ROOT, 'dist/backend/src/users/iin.js'));
  const half = ROWS / 2;
  const iins = new Set();
  const teachers = [];
  for (let n = 1; n <= ROWS; n++) {
    let iin = null;
    if (n > half) {
      const j = n - half - 1;
      const day = new Date(Date.UTC(1965, 0, 1) + Math.floor(j / 8) * 86400000);
      const sex = j % 2 ? 'female' : 'male';
      iin = makeIin(day.toISOString().slice(0, 10), sex, (Math.floor(j / 2) % 4) * 2000 + 1);
      if (iins.has(iin)) throw new Error(`IIN ${iin} generated twice`);
      iins.add(iin);
    }
    teachers.push({ email: teacherEmail(n), fullName: `Bench Teacher ${n}`, iin });
  }
  return teachers;
}

/** One statement: registering through the API would mostly measure password hashing. */
async function insertTeachers(teachers) {
  await bench.withDatabase(async (c) => {
    await c.query(
      `INSERT INTO users (email, password_hash, full_name, iin)
       SELECT e, 'x', n, i FROM unnest($1::text[], $2::text[], $3::bpchar[]) AS t(e, n, i)`,
      [teachers.map((t) => t.email), teachers.map((t) => t.fullName), teachers.map((t) => t.iin)],
    );
    // What autovacuum would soon do on a real table of this size.
    await c.query('ANALYZE users');
  });
}

/** `teacher,cohort`; e-mail and IIN rows alternate. */
function makeCsv(teachers) {
  const half = ROWS / 2;
  const lines = ['teacher,cohort'];
  for (let k = 0; k < half; k++) {
    lines.push(`${teachers[k].email},${COURSE}`);
    lines.push(`${teachers[half + k].iin},${COURSE}`);
  }
  return lines.join('\n') + '\n';
}

async function api(method, urlPath, { token, json, csv } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  let body;
  if (json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (csv !== undefined) {
    headers['content-type'] = 'text/csv';
    body = csv;
  }
  const res = await fetch(BASE + urlPath, { method, headers, body });
  const text = await res.text();
  let parsed = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: reported as text below
  }
  return { status: res.status, body: parsed ?? text };
}

async function login() {
  const res = await api('POST', '/api/auth/login', {
    json: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  });
  if (res.status !== 200 || !res.body.accessToken) {
    throw new Error(`POST /api/auth/login answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res.body.accessToken;
}

function readRssKiB(pid, field = 'VmRSS') {
  const m = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  if (!m) throw new Error(`/proc/${pid}/status has no ${field}`);
  return Number(m[1]);
}

/** Samples the API's resident set every RSS_MS until stop(); returns the samples. */
function sampleRss(pid, start) {
  const samples = [];
  const take = () => {
    try {
      samples.push({ atS: (performance.now() - start) / 1000, rssKiB: readRssKiB(pid) });
    } catch {
      // the process is gone: the run fails elsewhere
    }
  };
  take();
  let timer = setInterval(take, RSS_MS);
  return {
    stop() {
      if (timer) {
        clearInterval(timer);
        timer = null;
        take();
      }
      return samples;
    },
  };
}

/** Rows, and whether the planner has statistics (ANALYZE) for the tables the job reads. */
async function tableStats() {
  return bench.withDatabase(async (c) => {
    const { rows } = await c.query(
      `SELECT relname AS table, last_analyze AS "lastAnalyze",
              last_autoanalyze AS "lastAutoanalyze"
         FROM pg_stat_user_tables WHERE relname IN ('users', 'enrollments') ORDER BY relname`,
    );
    for (const r of rows) {
      r.rows = (await c.query(`SELECT count(*)::int AS n FROM ${r.table}`)).rows[0].n;
    }
    return rows;
  });
}

async function countEnrolments() {
  return bench.withDatabase(async (c) => {
    const { rows } = await c.query(
      `SELECT count(*)::int AS n FROM enrollments e JOIN courses c ON c.id = e.course_id
        WHERE c.slug = $1 AND e.status = 'active' AND e.source = 'bulk'`,
      [COURSE],
    );
    return rows[0].n;
  });
}

/** Uploads the CSV, then polls the job every POLL_MS until it is done or failed. */
async function runJob({ name, token, csv, pid }) {
  log(`${name}: POST /api/admin/enrollments/bulk (${ROWS} rows, ${csv.length} bytes)`);
  const statsBefore = await tableStats();
  const hwmBeforeKiB = readRssKiB(pid, 'VmHWM');
  const start = performance.now();
  const since = () => (performance.now() - start) / 1000;
  const rss = sampleRss(pid, start);
  try {
    const submitted = await api('POST', '/api/admin/enrollments/bulk', { token, csv });
    const acceptedS = since();
    if (submitted.status !== 202 || !submitted.body.id) {
      throw new Error(
        `${name}: POST /api/admin/enrollments/bulk answered ${submitted.status} (expected 202): ` +
          JSON.stringify(submitted.body).slice(0, 500),
      );
    }
    const id = submitted.body.id;
    log(`${name}: 202 after ${acceptedS.toFixed(2)} s, job ${id}; polling every ${POLL_MS} ms`);

    // The 202's report opens the progress, then each poll.
    const polls = [
      {
        atS: acceptedS,
        latencyMs: null,
        status: submitted.body.status,
        processed: submitted.body.processed,
      },
    ];
    let report = submitted.body;
    let lastLogged = -1;
    for (let k = 1; report.status !== 'done' && report.status !== 'failed'; k++) {
      checkInterrupted();
      if (since() * 1000 > RUN_TIMEOUT_MS) {
        throw new Error(`${name}: not finished after ${RUN_TIMEOUT_MS / 1000} s`);
      }
      const wait = start + acceptedS * 1000 + k * POLL_MS - performance.now();
      if (wait > 0) await delay(wait);
      const sent = performance.now();
      const res = await api('GET', `/api/admin/enrollments/bulk/${id}`, { token });
      if (res.status !== 200) {
        throw new Error(
          `${name}: GET …/bulk/${id} answered ${res.status}: ${JSON.stringify(res.body)}`,
        );
      }
      report = res.body;
      polls.push({
        atS: since(),
        latencyMs: Math.round(performance.now() - sent),
        status: report.status,
        processed: report.processed,
      });
      if (report.processed !== lastLogged) {
        log(`${name}: ${report.status}, processed ${report.processed} at ${since().toFixed(1)} s`);
        lastLogged = report.processed;
      }
    }
    const totalS = since();
    const rssSamples = rss.stop();
    const unfinished = polls.filter((p) => p.status !== 'done' && p.status !== 'failed');
    const latencies = polls.slice(1).map((p) => p.latencyMs);
    return {
      name,
      jobId: id,
      mode: report.mode,
      status: report.status,
      acceptedS,
      // Seen finished by the poll at totalS; the poll before (lastRunningS) still saw it running.
      totalS,
      lastRunningS: unfinished.length ? unfinished[unfinished.length - 1].atS : 0,
      rowsPerSec: ROWS / totalS,
      // finished_at is now(), the start of the transaction that applies the file, so this is
      // the time to that point (queue, parse, look-ups), not to the end of the job.
      createdToFinishedAtS:
        report.finishedAt && report.createdAt
          ? (Date.parse(report.finishedAt) - Date.parse(report.createdAt)) / 1000
          : null,
      total: report.total,
      processed: report.processed,
      applied: report.applied,
      problemsListed: report.problems.length,
      moreProblems: report.moreProblems,
      problemCodes: countBy(report.problems.map((p) => p.code)),
      firstProblem: report.problems[0] ?? null,
      progress: progressSteps(polls),
      pollLatencyMs: {
        max: latencies.length ? Math.max(...latencies) : null,
        median: median(latencies),
      },
      rss: {
        peakSampledMiB: Math.max(...rssSamples.map((s) => s.rssKiB)) / 1024,
        startMiB: rssSamples[0].rssKiB / 1024,
        endMiB: rssSamples[rssSamples.length - 1].rssKiB / 1024,
        // VmHWM: the process's peak resident set since it started, so not only this run's.
        hwmBeforeMiB: hwmBeforeKiB / 1024,
        hwmAfterMiB: readRssKiB(pid, 'VmHWM') / 1024,
        samples: rssSamples.length,
      },
      tablesBefore: statsBefore,
      polls,
      rssSamples,
    };
  } finally {
    rss.stop();
  }
}

function countBy(values) {
  const out = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
}

/** The first poll that saw each new (status, processed): how the progress moved. */
function progressSteps(polls) {
  const out = [];
  for (const p of polls) {
    const last = out[out.length - 1];
    if (!last || last.status !== p.status || last.processed !== p.processed) {
      out.push({ atS: p.atS, status: p.status, processed: p.processed });
    }
  }
  return out;
}

function check(failures, label, actual, expected) {
  if (actual !== expected) failures.push(`${label}: ${actual}, expected ${expected}`);
}

const fmt = (n, digits = 1) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function printResults(runs) {
  const head = [
    'run',
    'to 202 s',
    'done between s',
    'rows/s',
    'applied',
    'problems listed + more',
    'RSS peak MiB (sampled)',
    'poll max ms',
  ];
  const body = runs.map((r) => [
    r.name,
    fmt(r.acceptedS, 2),
    `${fmt(r.lastRunningS, 2)}–${fmt(r.totalS, 2)}`,
    fmt(r.rowsPerSec, 0),
    fmt(r.applied, 0),
    `${fmt(r.problemsListed, 0)} + ${fmt(r.moreProblems, 0)}`,
    fmt(r.rss.peakSampledMiB, 0),
    r.pollLatencyMs.max === null ? '-' : fmt(r.pollLatencyMs.max, 0),
  ]);
  console.log(formatTable(head, body));
  console.log(
    `\nTimes from the start of the upload; "done between": the last poll that saw the job ` +
      `running and the first that saw it finished (polls every ${POLL_MS} ms); rows/s uses the latter.`,
  );
  for (const r of runs) {
    const steps = r.progress
      .map((p) => `${fmt(p.processed, 0)} (${p.status}) at ${fmt(p.atS, 2)} s`)
      .join(', ');
    console.log(`\n${r.name}, progress: ${steps}`);
  }
}

async function main() {
  await bench.prepare();
  await bench.reset();
  let apiProcess = null;
  try {
    bench.migrate();
    log('importing the course packages');
    node('dist/backend/src/cli/courses-import.js', ['courses', '--publish']);
    log(`creating the admin ${ADMIN_EMAIL}`);
    node('dist/backend/src/cli/admin-create.js', ['--email', ADMIN_EMAIL, '--name', 'Bench Admin']);
    checkInterrupted();

    const teachers = makeTeachers();
    log(`inserting ${ROWS} teachers (${ROWS / 2} with an IIN)`);
    const insertStart = performance.now();
    await insertTeachers(teachers);
    const insertS = (performance.now() - insertStart) / 1000;
    const csv = makeCsv(teachers);
    checkInterrupted();

    const machine = await bench.machine();
    apiProcess = await bench.startApi();
    const pid = apiProcess.pid;
    const token = await login();
    await delay(1000); // let the start-up settle before the baseline
    const idleRssMiB = readRssKiB(pid) / 1024;
    log(`API pid ${pid}, resident ${idleRssMiB.toFixed(0)} MiB before the upload`);

    const failures = [];
    const first = await runJob({ name: 'new enrolments', token, csv, pid });
    check(failures, 'first run: status', first.status, 'done');
    check(failures, 'first run: mode', first.mode, 'all-or-nothing');
    check(failures, 'first run: total', first.total, ROWS);
    check(failures, 'first run: processed', first.processed, ROWS);
    check(failures, 'first run: applied', first.applied, ROWS);
    check(failures, 'first run: problems listed', first.problemsListed, 0);
    check(failures, 'first run: moreProblems', first.moreProblems, 0);
    const enrolledAfterFirst = await countEnrolments();
    check(failures, 'first run: bulk enrolments in the database', enrolledAfterFirst, ROWS);
    checkInterrupted();

    const second = await runJob({ name: 'all already enrolled', token, csv, pid });
    check(failures, 'second run: status', second.status, 'done');
    check(failures, 'second run: mode', second.mode, 'all-or-nothing');
    check(failures, 'second run: total', second.total, ROWS);
    check(failures, 'second run: processed', second.processed, ROWS);
    check(failures, 'second run: applied', second.applied, 0);
    check(failures, 'second run: problems listed', second.problemsListed, MAX_LISTED_PROBLEMS);
    check(
      failures,
      'second run: ALREADY_ENROLLED among the listed problems',
      second.problemCodes.ALREADY_ENROLLED ?? 0,
      MAX_LISTED_PROBLEMS,
    );
    check(failures, 'second run: moreProblems', second.moreProblems, ROWS - MAX_LISTED_PROBLEMS);
    const enrolledAfterSecond = await countEnrolments();
    check(failures, 'second run: bulk enrolments in the database', enrolledAfterSecond, ROWS);

    const runs = [first, second];
    console.log(
      `\nBulk enrolment of ${fmt(ROWS, 0)} rows (${fmt(ROWS / 2, 0)} by e-mail, ${fmt(ROWS / 2, 0)} by IIN) into ` +
        `${COURSE}, all-or-nothing (${machine.cpus} cores, Node ${machine.node}, ` +
        `PostgreSQL ${machine.postgres}):\n`,
    );
    printResults(runs);
    console.log(
      `\nAPI resident set: ${fmt(idleRssMiB, 0)} MiB before the first upload, ` +
        `peak ${fmt(Math.max(...runs.map((r) => r.rss.peakSampledMiB)), 0)} MiB sampled every ` +
        `${RSS_MS} ms, VmHWM ${fmt(second.rss.hwmAfterMiB, 0)} MiB.`,
    );

    const report = {
      date: new Date().toISOString(),
      command: 'npm run bench:bulk',
      machine,
      dataset: {
        rows: ROWS,
        byEmail: ROWS / 2,
        byIin: ROWS / 2,
        course: COURSE,
        csvBytes: Buffer.byteLength(csv),
        teachersInsertS: insertS,
      },
      pollMs: POLL_MS,
      rssSampleMs: RSS_MS,
      idleRssMiB,
      enrolments: { afterFirst: enrolledAfterFirst, afterSecond: enrolledAfterSecond },
      ok: failures.length === 0,
      failures,
      runs,
    };
    const file = writeResult('bulk', report);
    console.log(`\nWritten to ${path.relative(ROOT, file)}`);

    if (failures.length) {
      console.error(`\nMismatches:\n${failures.map((f) => `  ${f}`).join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    await bench.stopApi(apiProcess);
    await bench.cleanUp();
  }
}

bench.handleSigint();

main().catch((e) => {
  console.error(e.message ?? e);
  process.exitCode = 1;
});
