import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { CERTIFICATES_QUEUE } from '../src/certificates/certificate-queue';
import { loadEnv } from '../src/config/env';
import { useTestApp } from './support/app';
import { completedEnrolments, startWorker, teacherWhoPassed } from './support/certificates';
import { createAdmin } from './support/factories';
import { eventually } from './support/courses';

const N = 1000;

/**
 * The faults certificates must survive: a worker killed in the middle of a batch, Redis
 * emptied with work queued. Each ends with every certificate issued exactly once: issued, one
 * stored document each, distinct numbers, every outbox row processed.
 */
describe('certificates under faults', () => {
  const ctx = useTestApp();
  let db: DataSource;
  let admin: string;
  beforeAll(async () => {
    db = ctx.app.get(DataSource);
    admin = (await createAdmin(ctx.app)).accessToken;
  });

  const counts = (courseId: string) =>
    db
      .query(
        `SELECT count(*) FILTER (WHERE c.status = 'issued')::int AS issued,
                count(*) FILTER (WHERE c.status = 'pending')::int AS pending,
                count(*)::int AS total,
                count(DISTINCT c.number)::int AS numbers,
                (SELECT count(*)::int FROM certificate_documents d
                   JOIN certificates x ON x.id = d.certificate_id WHERE x.course_id = $1) AS documents,
                (SELECT count(*)::int FROM outbox o
                   JOIN certificates x ON o.payload ->> 'certificateId' = x.id::text
                  WHERE x.course_id = $1 AND o.processed_at IS NULL) AS unprocessed
           FROM certificates c WHERE c.course_id = $1`,
        [courseId],
      )
      .then((r) => r[0]);

  /** The batch's teachers and the one who passed the final: all issued, each once. */
  async function expectEachIssuedOnce(courseId: string): Promise<void> {
    const done = await eventually(
      () => counts(courseId),
      (c) => c.pending === 0,
      240000,
    );
    expect(done).toEqual({
      issued: N + 1,
      pending: 0,
      total: N + 1,
      numbers: N + 1,
      documents: N + 1,
      unprocessed: 0,
    });
  }

  async function batchOf(n: number): Promise<{ courseId: string; batchId: string }> {
    const { courseId, slug } = await teacherWhoPassed(ctx.app);
    await completedEnrolments(ctx.app, courseId, n);
    const res = await ctx.api.post(
      '/api/admin/certificates/batches',
      { courseSlug: slug },
      { token: admin },
    );
    expect(res.status).toBe(202);
    return { courseId, batchId: res.body.id };
  }

  it(`issues every certificate exactly once when the worker is killed in the middle of a batch of ${N}`, async () => {
    let worker = await startWorker();
    const { courseId } = await batchOf(N);
    await eventually(
      () => counts(courseId),
      (c) => c.issued >= 150,
      120000,
    );
    await worker.kill();
    const atKill = await counts(courseId);
    expect(atKill.pending).toBeGreaterThan(0);

    worker = await startWorker();
    try {
      // Jobs the killed process held come back when their locks expire (BullMQ's stall check).
      await expectEachIssuedOnce(courseId);
    } finally {
      await worker.stop();
    }
  }, 400000);

  it(`re-enqueues from the outbox when Redis is emptied with ${N} pending, and issues each once`, async () => {
    const worker = await startWorker();
    const queue = ctx.app.get<Queue>(getQueueToken(CERTIFICATES_QUEUE));
    const redis = new Redis(loadEnv().REDIS_URL);
    try {
      // Hold the workers so the jobs are all waiting in Redis when it is emptied.
      await queue.pause();
      const { courseId } = await batchOf(N);
      await eventually(
        () => queue.getJobCounts('waiting', 'paused'),
        (c) => (c.waiting ?? 0) + (c.paused ?? 0) >= N + 1,
        60000,
      );
      // The batch's teachers and the one who passed the final.
      expect((await counts(courseId)).pending).toBe(N + 1);

      await redis.flushall();
      await expectEachIssuedOnce(courseId);
    } finally {
      await queue.resume().catch(() => undefined);
      redis.disconnect();
      await worker.stop();
    }
  }, 400000);
});
