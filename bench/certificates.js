#!/usr/bin/env node
// `npm run bench:certificates`: issues N certificates end to end (pending → PDF rendered and
// credential signed → both stored → issued) with one worker process and then with two, against a
// production build on a scratch database (qadam_bench_certs) that is created and dropped for each
// run. The certificates are requested the way a batch requests them (pending rows and outbox rows
// in one transaction); the clock runs from that commit until the last one is issued. A last run
// issues BENCH_PHASE_CERTIFICATES (default 1000) with one worker taking one job at a time, so
// each phase's time is its own (with several jobs in flight, a phase's wall time would include
// the others' CPU): the share of PDF rendering, canonicalisation, signing and storing.
// BENCH_CERTIFICATES=<n> (default 10000); BENCH_WORKERS=<w>[,<w>…] (default 1,2);
// BENCH_WORKER_NODE_ARGS extra node options for the workers (e.g. --cpu-prof).
'use strict';
/* global performance */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { setTimeout: delay } = require('node:timers/promises');
const { ROOT, log, createHarness, writeResult, formatTable } = require('./harness');

const N = Number(process.env.BENCH_CERTIFICATES || 10000);
const PHASE_N = Number(process.env.BENCH_PHASE_CERTIFICATES || 1000);
const WORKERS = (process.env.BENCH_WORKERS || '1,2').split(',').map(Number);
if (!Number.isInteger(N) || N < 1 || WORKERS.some((w) => !Number.isInteger(w) || w < 1)) {
  console.error('BENCH_CERTIFICATES must be a whole number; BENCH_WORKERS e.g. 1,2.');
  process.exit(1);
}

const h = createHarness({
  dbName: 'qadam_bench_certs',
  redisPrefix: 'qadam-bench-certs',
  port: 3103,
});

/** A course and N teachers with Kazakh names, written directly. */
async function seed(n) {
  return h.withDatabase(async (c) => {
    const {
      rows: [course],
    } = await c.query(
      `INSERT INTO courses (slug, level, kind, languages, hours, title, description, competencies)
       VALUES ('ai-in-teachers-work', 'acquire', 'mooc', '{kk,ru}', 36,
               '{"kk": "Мұғалім жұмысындағы жасанды интеллект", "ru": "Искусственный интеллект в работе учителя", "en": "AI in the teacher''s work"}',
               '{"kk": "Генеративті модельдер және промпт-инжиниринг", "ru": "Генеративные модели и промпт-инжиниринг", "en": "Generative models and prompt engineering"}',
               '{unesco-cft:1.1,unesco-cft:2.1,unesco-cft:3.1,unesco-cft:4.1,unesco-cft:5.1,iste-ed:2.3,iste-ed:2.5.b}')
       RETURNING id`,
    );
    await c.query(
      `INSERT INTO users (email, password_hash, full_name, roles, language)
       SELECT 'teacher' || g || '@mektep.kz', 'not-a-hash',
              (ARRAY['Әйгерім', 'Нұрсұлтан', 'Гүлнәр', 'Ұлан', 'Қуаныш'])[1 + g % 5] || ' '
              || (ARRAY['Сейітқали', 'Өмірбекова', 'Жақсылықов', 'Құдайбергенова'])[1 + g % 4],
              '{teacher}', CASE WHEN g % 10 = 0 THEN 'en' ELSE 'kk' END
         FROM generate_series(1, $1::int) g`,
      [n],
    );
    return course.id;
  });
}

/** What a batch does: pending certificates and their outbox rows, in one transaction. */
function request(courseId) {
  return h.withDatabase((c) =>
    c.query(
      `WITH created AS (
         INSERT INTO certificates (user_id, course_id, level, status, source, languages)
         SELECT u.id, $1, 'acquire', 'pending', 'batch',
                CASE WHEN u.language = 'en' THEN '{en,kk,ru}'::text[] ELSE '{kk,ru}' END
           FROM users u
         RETURNING id, generation
       )
       INSERT INTO outbox (topic, dedupe_key, payload)
       SELECT 'certificate.issue', 'certificate:' || id || ':' || generation,
              jsonb_build_object('certificateId', id, 'generation', generation)
         FROM created`,
      [courseId],
    ),
  );
}

function startWorker(i, env = {}) {
  // As `npm start` and `npm run worker` run it, plus any extra options asked for.
  const nodeArgs = [
    '--max-semi-space-size=64',
    ...(process.env.BENCH_WORKER_NODE_ARGS || '').split(' ').filter(Boolean),
  ];
  const child = spawn(
    process.execPath,
    [...nodeArgs, path.join(ROOT, 'dist/certificates/src/main.js')],
    {
      cwd: ROOT,
      env: { ...h.childEnv, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d.toString()));
  const exited = new Promise((r) => child.once('exit', r));
  const ready = (async () => {
    for (let t = 0; t < 600 && !out.includes('certificate worker'); t++) await delay(100);
    if (!out.includes('certificate worker')) throw new Error(`worker ${i} did not start:\n${out}`);
  })();
  return { child, ready, exited, output: () => out };
}

/** Peak resident memory of a process so far (VmHWM), in MiB. */
function peakMiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
}

/** CPU time a process has used (user + system), in ms. */
function cpuMs(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
}

function totalsOf(output) {
  const line = output.split('\n').find((l) => l.includes('issue totals'));
  if (!line) return null;
  const msg = JSON.parse(line).msg;
  return JSON.parse(msg.slice(msg.indexOf('{')));
}

async function run(workers, n = N, env = {}) {
  await h.reset();
  h.migrate();
  const courseId = await seed(n);
  const procs = Array.from({ length: workers }, (_, i) => startWorker(i, env));
  try {
    await Promise.all(procs.map((p) => p.ready));
    log(`${workers} worker(s) ready; requesting ${n} certificates`);
    const cpu0 = procs.map((p) => cpuMs(p.child.pid));
    const t0 = performance.now();
    await request(courseId);
    let issued = 0;
    let peak = procs.map(() => 0);
    let cpu = [];
    while (issued < n) {
      await delay(250);
      h.checkInterrupted();
      issued = await h.withDatabase(async (c) => {
        const { rows } = await c.query(
          `SELECT count(*)::int AS n FROM certificates WHERE status = 'issued'`,
        );
        return rows[0].n;
      });
      peak = procs.map((p, i) => Math.max(peak[i], peakMiB(p.child.pid)));
      cpu = procs.map((p, i) => cpuMs(p.child.pid) - cpu0[i]);
    }
    const seconds = (performance.now() - t0) / 1000;
    const [check] = await h.withDatabase(
      async (c) =>
        (
          await c.query(
            `SELECT (SELECT count(*)::int FROM certificate_documents) AS documents,
                  (SELECT avg(length(pdf))::int FROM certificate_documents) AS pdf_bytes,
                  (SELECT avg(length(credential::text))::int FROM certificate_documents) AS credential_bytes`,
          )
        ).rows,
    );
    for (const p of procs) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    const totals = procs.map((p) => totalsOf(p.output())).filter(Boolean);
    const sum = (k) => totals.reduce((a, t) => a + t[k], 0);
    const busy = sum('totalMs');
    return {
      workers,
      concurrency: Number(env.CERT_WORKER_CONCURRENCY || h.childEnv.CERT_WORKER_CONCURRENCY || 4),
      certificates: n,
      seconds: Number(seconds.toFixed(2)),
      perSecond: Math.round(n / seconds),
      workerCpuMsPerCertificate: +(cpu.reduce((a, b) => a + b, 0) / n).toFixed(2),
      documents: check.documents,
      pdfBytes: check.pdf_bytes,
      credentialBytes: check.credential_bytes,
      msPerCertificate: {
        total: +(busy / n).toFixed(2),
        pdf: +(sum('renderMs') / n).toFixed(2),
        canonicalisation: +(sum('canonicalizeMs') / n).toFixed(2),
        signing: +(sum('signMs') / n).toFixed(3),
        store: +(sum('storeMs') / n).toFixed(2),
      },
      share: {
        pdf: +((sum('renderMs') / busy) * 100).toFixed(1),
        canonicalisation: +((sum('canonicalizeMs') / busy) * 100).toFixed(1),
        signing: +((sum('signMs') / busy) * 100).toFixed(1),
        store: +((sum('storeMs') / busy) * 100).toFixed(1),
      },
      peakRssMiB: peak.map((m) => Math.round(m)),
    };
  } finally {
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  }
}

async function main() {
  h.handleSigint();
  await h.prepare();
  const results = [];
  let phases;
  try {
    for (const w of WORKERS) {
      results.push(await run(w));
      log(JSON.stringify(results.at(-1)));
    }
    phases = await run(1, PHASE_N, { CERT_WORKER_CONCURRENCY: '1' });
    log(JSON.stringify(phases));
  } finally {
    await h.cleanUp();
  }
  const report = { date: new Date().toISOString(), machine: await h.machine(), results, phases };
  const file = writeResult('certificates', report);
  console.log(
    formatTable(
      [
        'workers',
        'certificates',
        'seconds',
        'certificates/s',
        'worker CPU per certificate',
        'peak RSS per worker',
      ],
      results.map((r) => [
        `${r.workers} (${r.concurrency} jobs each)`,
        String(r.certificates),
        String(r.seconds),
        String(r.perSecond),
        `${r.workerCpuMsPerCertificate} ms`,
        r.peakRssMiB.map((m) => `${m} MiB`).join(', '),
      ]),
    ),
  );
  const m = phases.msPerCertificate;
  console.log(
    `\nOne job at a time (${phases.certificates} certificates, ${phases.perSecond}/s):\n`,
  );
  console.log(
    formatTable(
      ['phase', 'ms per certificate', 'share'],
      [
        ['PDF rendering', m.pdf, phases.share.pdf],
        [
          'canonicalisation (RDFC-1.0, both hashes)',
          m.canonicalisation,
          phases.share.canonicalisation,
        ],
        ['signing (Ed25519)', m.signing, phases.share.signing],
        ['storing (one statement)', m.store, phases.share.store],
        [
          'the rest (load, build, queue)',
          +(m.total - m.pdf - m.canonicalisation - m.signing - m.store).toFixed(2),
          +(
            100 -
            phases.share.pdf -
            phases.share.canonicalisation -
            phases.share.signing -
            phases.share.store
          ).toFixed(1),
        ],
        ['whole job', m.total, 100],
      ].map(([a, b, c]) => [a, `${b} ms`, `${c} %`]),
    ),
  );
  console.log(`\n${file}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
