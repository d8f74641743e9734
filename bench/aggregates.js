#!/usr/bin/env node
// `npm run bench:aggregates`: the competency monitoring aggregates over 400,000 teachers with 5
// evidence records each (2,000,000, generated), on a production build against a scratch database
// (qadam_bench_aggregates) created and dropped by the run. It times the background computation
// (REFRESH MATERIALIZED VIEW CONCURRENTLY, as the API's refresher runs it), each monitoring view
// through the API (GET /api/admin/monitoring/competencies?by=…, as an admin), and, for
// comparison, the same figures computed straight from the evidence without the materialised
// view. BENCH_TEACHERS sets the number of teachers (default 400000), BENCH_VIEW_RUNS the requests
// per view (default 20).
'use strict';
/* global fetch, performance */
const crypto = require('node:crypto');
const { log, createHarness, writeResult, formatTable } = require('./harness');

const TEACHERS = Number(process.env.BENCH_TEACHERS || 400000);
const RUNS = Number(process.env.BENCH_VIEW_RUNS || 20);
const EVIDENCE_PER_TEACHER = 5;
const ADMIN_EMAIL = 'bench.admin@orleu.kz';
const ADMIN_PASSWORD = crypto.randomBytes(24).toString('base64url');

const h = createHarness({
  dbName: 'qadam_bench_aggregates',
  redisPrefix: 'qadam-bench-aggregates',
  port: 3104,
  env: { QADAM_ADMIN_PASSWORD: ADMIN_PASSWORD },
});

const time = async (fn) => {
  const t = performance.now();
  const v = await fn();
  return [performance.now() - t, v];
};
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};

async function main() {
  h.handleSigint();
  await h.prepare();
  // The real codes, from the build prepare() just made.
  const { REGION_CODES } = require('../dist/backend/src/reference/regions');
  const { SUBJECT_CODES } = require('../dist/backend/src/reference/subjects');
  const REGIONS = [...REGION_CODES];
  const SUBJECTS = SUBJECT_CODES.slice(0, 10);
  await h.reset();
  let api = null;
  try {
    h.migrate();
    h.node('dist/backend/src/cli/admin-create.js', [
      '--email',
      ADMIN_EMAIL,
      '--name',
      'Bench Admin',
    ]);
    log(`generating ${TEACHERS} teachers and ${TEACHERS * EVIDENCE_PER_TEACHER} evidence records`);
    const [generateMs] = await time(() =>
      h.withDatabase(async (c) => {
        // Regions, school kinds and subjects spread evenly; one teacher in 25 without a region.
        await c.query(
          `INSERT INTO users (email, password_hash, full_name, roles, language, region, school_kind, subjects)
           SELECT 'teacher' || g || '@mektep.kz', 'not-a-hash', 'Мұғалім ' || g, '{teacher}', 'kk',
                  CASE WHEN g % 25 = 0 THEN NULL ELSE ($2::text[])[1 + g % cardinality($2::text[])] END,
                  (ARRAY['urban', 'rural', 'small_ungraded'])[1 + (g / 7) % 3],
                  ARRAY[($3::text[])[1 + g % cardinality($3::text[])]]
             FROM generate_series(1, $1::int) g`,
          [TEACHERS, REGIONS, SUBJECTS],
        );
        // Five records each, on blocks spread by a hash of the teacher: some repeat a block.
        await c.query(
          `INSERT INTO competency_evidence (user_id, competency_code, level, source_type, source_id, score)
           SELECT u.id, 'unesco-cft:' || (1 + (k + u.h) % 5) || '.' || (1 + (k * 7 + u.h) % 3),
                  'acquire', 'section', u.id || '/' || k, 80
             FROM (SELECT id, abs(hashtext(id::text)) AS h FROM users
                    WHERE 'teacher' = ANY(roles)) u,
                  generate_series(1, ${EVIDENCE_PER_TEACHER}) k
           ON CONFLICT DO NOTHING`,
        );
        await c.query('ANALYZE');
      }),
    );
    const [[{ evidence }]] = await h.withDatabase(async (c) => [
      (await c.query('SELECT count(*)::int AS evidence FROM competency_evidence')).rows,
    ]);

    const refreshMs = [];
    for (let i = 0; i < 3; i++) {
      const [ms] = await time(() =>
        h.withDatabase((c) =>
          c.query('REFRESH MATERIALIZED VIEW CONCURRENTLY competency_aggregates'),
        ),
      );
      refreshMs.push(ms);
    }
    log(`refresh: ${refreshMs.map((m) => m.toFixed(0)).join(', ')} ms`);

    // The same figures straight from the evidence, for comparison (one view: by region).
    const [liveMs] = await time(() =>
      h.withDatabase((c) =>
        c.query(`SELECT coalesce(u.region, 'unknown') AS value, d.competency_code, count(*)::int
                   FROM (SELECT DISTINCT user_id, competency_code FROM competency_evidence
                          WHERE annulled_at IS NULL AND starts_with(competency_code, 'unesco-cft:')) d
                   JOIN users u ON u.id = d.user_id AND 'teacher' = ANY(u.roles)
                  GROUP BY 1, 2`),
      ),
    );

    api = await h.startApi();
    const login = await fetch(`${h.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    });
    const { accessToken } = await login.json();
    const views = [];
    for (const by of ['region', 'school_kind', 'subject']) {
      const ms = [];
      let body;
      for (let i = 0; i < RUNS; i++) {
        const [t, res] = await time(() =>
          fetch(`${h.base}/api/admin/monitoring/competencies?by=${by}`, {
            headers: { authorization: `Bearer ${accessToken}` },
          }),
        );
        body = await res.json();
        if (res.status !== 200) throw new Error(`${by}: ${res.status} ${JSON.stringify(body)}`);
        ms.push(t);
      }
      const total = body.groups.reduce((n, g) => n + g.teachers, 0);
      views.push({ by, groups: body.groups.length, teachersCounted: total, ...stats(ms) });
    }
    const report = {
      date: new Date().toISOString(),
      machine: await h.machine(),
      teachers: TEACHERS,
      evidence,
      generateSeconds: +(generateMs / 1000).toFixed(1),
      refreshMs: refreshMs.map((m) => Math.round(m)),
      liveQueryMs: Math.round(liveMs),
      views,
    };
    const file = writeResult('aggregates', report);
    console.log(
      `${TEACHERS} teachers, ${evidence} evidence records. Background refresh of the aggregates: ` +
        `${refreshMs.map((m) => (m / 1000).toFixed(2)).join(' s, ')} s; the same figures straight ` +
        `from the evidence (one view): ${(liveMs / 1000).toFixed(2)} s.\n`,
    );
    console.log(
      formatTable(
        ['view (GET …?by=)', 'groups', 'teachers counted', 'median', 'max'],
        views.map((v) => [
          v.by,
          String(v.groups),
          String(v.teachersCounted),
          `${v.median.toFixed(1)} ms`,
          `${v.max.toFixed(1)} ms`,
        ]),
      ),
    );
    console.log(`\n${file}`);
  } finally {
    await h.stopApi(api);
    await h.cleanUp();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
