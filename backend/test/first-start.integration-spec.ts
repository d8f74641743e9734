import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { ItemDefinition } from '@qadam/contracts';
import { Client } from 'pg';
import { parse } from 'yaml';
import { correctResponse } from '../src/assessments/items/grading';
import { loadEnv } from '../src/config/env';
import { withDatabase } from '../src/database/database-url';
import { freePort } from './support/ports';

const ROOT = path.resolve(__dirname, '../..');
const MOOC = 'ai-in-teachers-work';
const ACQUIRE_BLOCKS = ['1.1', '2.1', '3.1', '4.1', '5.1'].map((b) => `unesco-cft:${b}`);

/** Every package shipped in courses/, with its titles as written. */
const shipped = readdirSync(path.join(ROOT, 'courses'))
  .filter((d) => existsSync(path.join(ROOT, 'courses', d, 'course.yaml')))
  .map((d) => parse(readFileSync(path.join(ROOT, 'courses', d, 'course.yaml'), 'utf8')))
  .map((c) => ({ slug: c.slug as string, title: c.title as Record<string, string> }));

/**
 * `npm start` on a machine that has never run Qadam: a database that does not exist yet, an empty
 * Redis namespace. `scripts/start.js` itself builds, creates and migrates the database, imports
 * courses/ and runs the API and a certificate worker; the test only talks HTTP to it (and reads
 * answer keys from its database, as a teacher who studied would know them).
 */
describe('npm start on a fresh machine', () => {
  const base = loadEnv();
  const dbName = `qadam_test_${process.pid}_${randomBytes(3).toString('hex')}`;
  const dbUrl = withDatabase(base.DATABASE_URL, dbName);
  let child: ChildProcess;
  let output = '';
  let baseUrl = '';
  let db: Client;

  const call = async (method: string, url: string, body?: unknown, token?: string) => {
    const res = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json: any = text;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: json };
  };

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: dbUrl,
        PORT: String(port),
        REDIS_KEY_PREFIX: `qadam-test-first-start-${dbName.slice(11)}`,
        LOG_LEVEL: 'warn',
        OUTBOX_POLL_MS: '200',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 240_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
      const up = await fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    db = new Client({ connectionString: dbUrl });
    await db.connect();
  }, 300_000);

  afterAll(async () => {
    await db?.end();
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    const admin = new Client({ connectionString: withDatabase(base.DATABASE_URL, 'postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }, 60_000);

  it('lists every course of courses/ in the catalog, in Kazakh and in Russian', async () => {
    expect(shipped.length).toBeGreaterThanOrEqual(6);
    for (const lang of ['kk', 'ru'] as const) {
      const res = await call('GET', `/api/courses?lang=${lang}&pageSize=100`);
      expect(res.status).toBe(200);
      const listed = new Map<string, string>(
        res.body.items.map((c: { slug: string; title: string }) => [c.slug, c.title]),
      );
      for (const c of shipped)
        expect([c.slug, listed.get(c.slug)]).toEqual([c.slug, c.title[lang]]);
    }
    // The web app is served at / beside the API.
    const page = await fetch(`${baseUrl}/courses`);
    expect([page.status, await page.text()]).toEqual([200, expect.stringContaining('<q-root>')]);
    // Each level of the ladder has something to take.
    const levels = new Set(
      (await call('GET', '/api/courses?lang=kk&pageSize=100')).body.items.map(
        (c: { level: string }) => c.level,
      ),
    );
    expect([...levels].sort()).toEqual(['acquire', 'create', 'deepen']);
  });

  it('takes a teacher through the Acquire MOOC from the first lesson to a verified certificate', async () => {
    const email = `first-start-${randomBytes(3).toString('hex')}@mektep.kz`;
    const reg = await call('POST', '/api/auth/register', {
      email,
      password: 'Qadam-2026-strong',
      fullName: 'Әлия Сәрсенбайқызы',
      language: 'kk',
    });
    expect(reg.status).toBe(201);
    const token = reg.body.accessToken as string;

    // An administrator (made with the CLI, as a new installation does) opens a Deepen cohort;
    // it is closed to her until she holds the Acquire certificate.
    const adminEmail = `admin-${email}`;
    execFileSync(
      process.execPath,
      ['dist/backend/src/cli/admin-create.js', '--email', adminEmail],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: dbUrl, QADAM_ADMIN_PASSWORD: 'Qadam-admin-2026' },
      },
    );
    const admin = await call('POST', '/api/auth/login', {
      email: adminEmail,
      password: 'Qadam-admin-2026',
    });
    const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
    const cohort = await call(
      'POST',
      '/api/admin/cohorts',
      {
        courseSlug: 'deepen-primary-personalised',
        code: 'DEEPEN-PRIMARY-FIRST',
        title: 'Алматы облысы, 1-топ',
        startsOn: day(30).slice(0, 10),
        endsOn: day(60).slice(0, 10),
        enrolmentOpensAt: day(-1),
        enrolmentClosesAt: day(20),
        seats: 25,
      },
      admin.body.accessToken,
    );
    expect(cohort.status).toBe(201);
    const deepen = () =>
      call(
        'POST',
        '/api/courses/deepen-primary-personalised/enrollments',
        { cohortId: cohort.body.id },
        token,
      );
    const early = await deepen();
    expect([early.status, early.body.code]).toEqual([409, 'LADDER_PREREQUISITE']);

    expect((await call('POST', `/api/courses/${MOOC}/enrollments`, {}, token)).status).toBe(201);
    const course = (await call('GET', `/api/courses/${MOOC}?lang=kk`, undefined, token)).body;
    expect(course.modules.length).toBeGreaterThanOrEqual(6);
    const lessons = course.modules.flatMap((m: { lessons: unknown[] }) => m.lessons);
    expect(lessons.length).toBeGreaterThanOrEqual(24);

    // Every lesson, in order: read it (a real Kazakh text with its sources), mark it done.
    for (const l of lessons as { id: string; minutes: number }[]) {
      expect(l.minutes).toBeGreaterThanOrEqual(5);
      expect(l.minutes).toBeLessThanOrEqual(10);
      const page = await call(
        'GET',
        `/api/courses/${MOOC}/lessons/${l.id}?lang=kk`,
        undefined,
        token,
      );
      expect(page.status).toBe(200);
      expect(JSON.stringify(page.body)).toMatch(/[әғқңөұүһі]/);
      const done = await call('POST', `/api/courses/${MOOC}/lessons/${l.id}/complete`, {}, token);
      expect(done.status).toBeLessThan(300);
    }

    const answerAll = async (attempt: { id: string; items: { id: string }[] }, skip = 0) => {
      for (const [i, item] of attempt.items.entries()) {
        if (i < skip) continue;
        const [{ definition }] = (
          await db.query<{ definition: ItemDefinition }>(
            `SELECT definition FROM item_versions WHERE id = $1`,
            [item.id],
          )
        ).rows;
        const response = correctResponse(definition);
        const saved = await call(
          'PUT',
          `/api/attempts/${attempt.id}/responses/${item.id}`,
          { response },
          token,
        );
        expect(saved.status).toBe(200);
      }
    };

    // A quiz closes every module; each one can be taken.
    const quizzes = course.assessments.filter((a: { kind: string }) => a.kind === 'quiz');
    expect(quizzes.length).toBe(course.modules.length);
    for (const q of quizzes) {
      const attempt = await call('POST', `/api/assessments/${q.id}/attempts`, {}, token);
      expect(attempt.status).toBe(201);
      expect(attempt.body.items.length).toBeGreaterThanOrEqual(5);
      await answerAll(attempt.body);
      const result = await call('POST', `/api/attempts/${attempt.body.id}/submit`, {}, token);
      expect(result.body).toMatchObject({ passed: true });
    }

    // The final draws 20 items, four from each Acquire block; three left blank still pass (70 %).
    const final = course.assessments.find((a: { kind: string }) => a.kind === 'final');
    expect(final.passMark).toBe(70);
    const attempt = (await call('POST', `/api/assessments/${final.id}/attempts`, {}, token)).body;
    expect(attempt.items).toHaveLength(20);
    const { rows } = await db.query<{ definition: ItemDefinition }>(
      `SELECT definition FROM item_versions WHERE id = ANY($1::uuid[])`,
      [attempt.items.map((i: { id: string }) => i.id)],
    );
    const perBlock = ACQUIRE_BLOCKS.map(
      (b) => rows.filter((r) => r.definition.competencies.includes(b)).length,
    );
    expect(perBlock).toEqual([4, 4, 4, 4, 4]);
    await answerAll(attempt, 3);
    const result = await call('POST', `/api/attempts/${attempt.id}/submit`, {}, token);
    expect(result.body).toMatchObject({ passed: true });
    expect(result.body.score).toBeLessThan(result.body.maxScore);

    // The worker started by npm start issues the certificate with no one acting.
    let cert: { id: string; status: string; level: string; courseSlug: string } | undefined;
    for (let i = 0; i < 120 && cert?.status !== 'issued'; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const mine = (await call('GET', '/api/me/certificates', undefined, token)).body;
      cert = (Array.isArray(mine) ? mine : mine.items).find(
        (c: { courseSlug: string }) => c.courseSlug === MOOC,
      );
    }
    expect(cert).toMatchObject({ status: 'issued', level: 'acquire' });
    const verified = await call('GET', `/api/verify/${cert!.id}?lang=kk`);
    expect(verified.body).toMatchObject({ valid: true, holderName: 'Әлия Сәрсенбайқызы' });

    // Now the Deepen rung opens.
    expect((await deepen()).status).toBe(201);
  }, 240_000);
});
