import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AttemptStarted } from '@qadam/contracts';
import { DataSource } from 'typeorm';
import { http } from './app';
import { courseWithTest, createBank, ITEMS } from './assessments';

const ROOT = resolve(__dirname, '../../..');

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait: a graceful stop. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies wherever it is. */
  kill(): Promise<void>;
}

/**
 * A real certificate worker (`certificates/src/main.ts`) in its own process, against this test
 * run's database and Redis prefix, compiled on the fly by swc. Resolves once it is consuming.
 */
export async function startWorker(env: Record<string, string> = {}): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', resolve(ROOT, 'certificates/src/main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: resolve(ROOT, 'tsconfig.base.json'),
        LOG_LEVEL: 'info',
        OUTBOX_POLL_MS: '100',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`worker did not start:\n${out}`)), 60000);
    const check = () => {
      if (out.includes('certificate worker')) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`worker exited (${code}):\n${out}`));
    });
  });
  return {
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A teacher who has just passed a course's final test (one true/false item, pass mark 50). */
export async function teacherWhoPassed(app: NestFastifyApplication): Promise<{
  teacher: { id: string; token: string };
  slug: string;
  courseId: string;
  attemptId: string;
}> {
  const api = http(app);
  const { key } = await createBank(app, { tf: ITEMS.true_false });
  const c = await courseWithTest(app, {
    sections: [{ key: 'main', items: [`${key}/tf`] }],
    passMark: 50,
  });
  const token = c.teacher.token;
  const a = (await api.post(`/api/assessments/${c.assessmentId}/attempts`, {}, { token }))
    .body as AttemptStarted;
  await api.put(`/api/attempts/${a.id}/responses/${a.items[0].id}`, { response: false }, { token });
  const result = await api.post(`/api/attempts/${a.id}/submit`, {}, { token });
  if (!result.body.passed) throw new Error(`did not pass: ${JSON.stringify(result.body)}`);
  return { teacher: c.teacher, slug: c.slug, courseId: c.courseId, attemptId: a.id };
}

/** `n` teachers who completed the course, written directly (a batch needs many, fast). */
export async function completedEnrolments(
  app: NestFastifyApplication,
  courseId: string,
  n: number,
): Promise<string[]> {
  const tag = randomBytes(4).toString('hex');
  const rows: { id: string }[] = await app.get(DataSource).query(
    `WITH u AS (
       INSERT INTO users (email, password_hash, full_name, roles, language)
       SELECT 'batch-' || $2 || '-' || g || '@mektep.kz', 'not-a-hash',
              'Мұғалім Әйгерім ' || g, '{teacher}', 'kk'
         FROM generate_series(1, $1::int) g
       RETURNING id
     )
     INSERT INTO enrollments (user_id, course_id, version_id, status, source, progress,
                              completed_at)
     SELECT u.id, c.id, c.published_version_id, 'completed', 'admin', 1, now()
       FROM u, courses c WHERE c.id = $3
     RETURNING user_id AS id`,
    [n, tag, courseId],
  );
  return rows.map((r) => r.id);
}

/** The independent verifier (@digitalcredentials/verifier-core) in a plain Node process. */
export function independentlyVerify(credential: unknown): {
  errors?: { name: string; message: string }[];
  log?: { id: string; valid?: boolean; error?: unknown }[];
} {
  const script = resolve(ROOT, 'backend/src/certificates/credential/independent-verify.mjs');
  const out = execFileSync(process.execPath, [script], {
    input: JSON.stringify(credential),
    encoding: 'utf8',
    timeout: 60000,
  });
  return JSON.parse(out);
}
