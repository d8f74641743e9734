import { InjectQueue } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { CERTIFICATES_QUEUE, ISSUE_JOB } from '../certificates/certificate-queue';
import type { Env } from '../config/env';
import { updated } from '../database/returning';
import { REDIS } from '../redis/redis.module';
import { ISSUE_CERTIFICATE } from './events';

/** Rows moved per transaction. */
const BATCH = 500;
/** A row dispatched this long ago and still unprocessed has its job looked for in Redis. */
const STALE_AFTER_SECONDS = 60;
const STALE_CHECK_EVERY_MS = 30_000;

interface OutboxRow {
  id: string;
  topic: string;
  dedupe_key: string;
  payload: Record<string, unknown>;
}

/**
 * Moves outbox rows into their BullMQ queues, the job id being the row's dedupe key, so a row
 * enqueued twice is one job. Several dispatchers may run (one per worker process): each takes
 * rows with SKIP LOCKED.
 *
 * The outbox, not Redis, is the record: a row stays "in flight" until its consumer marks it
 * processed in the transaction that acts on it. If Redis loses jobs (emptied, failed over),
 * a sentinel key disappears with them and every in-flight row is dispatched again; rows whose
 * job is missing for another reason are found by a slower check of the stale ones.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(OutboxDispatcher.name);
  private readonly queues: Record<string, Queue>;
  private readonly sentinel: string;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private lastStaleCheck = 0;

  constructor(
    private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @InjectQueue(CERTIFICATES_QUEUE) certificates: Queue,
    private readonly config: ConfigService<Env, true>,
  ) {
    this.queues = { [ISSUE_CERTIFICATE]: certificates };
    this.sentinel = `${config.get('REDIS_KEY_PREFIX', { infer: true })}:outbox:sentinel`;
  }

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .then((moved) => this.schedule(moved >= BATCH ? 0 : this.pollMs()))
        .catch((e: Error) => {
          this.log.warn(`outbox dispatch failed, retrying: ${e.message}`);
          this.schedule(Math.max(this.pollMs(), 1000));
        });
    }, delay);
  }

  private pollMs(): number {
    return this.config.get('OUTBOX_POLL_MS', { infer: true });
  }

  /** One round: recover lost jobs, then move up to BATCH rows. Returns the rows moved. */
  async tick(): Promise<number> {
    await this.recoverIfRedisWasEmptied();
    if (Date.now() - this.lastStaleCheck > STALE_CHECK_EVERY_MS) {
      this.lastStaleCheck = Date.now();
      await this.requeueStale();
    }
    return this.dispatch();
  }

  /** Moves undispatched rows into their queues; the rows are marked in the same transaction. */
  async dispatch(): Promise<number> {
    return this.ds.transaction(async (m) => {
      const rows: OutboxRow[] = await m.query(
        `SELECT id, topic, dedupe_key, payload FROM outbox
          WHERE dispatched_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      const byTopic = new Map<string, OutboxRow[]>();
      for (const r of rows) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r]);
      for (const [topic, list] of byTopic) {
        const queue = this.queues[topic];
        if (!queue) throw new Error(`no queue for outbox topic ${topic}`);
        await queue.addBulk(
          list.map((r) => ({ name: ISSUE_JOB, data: r.payload, opts: { jobId: r.dedupe_key } })),
        );
      }
      await m.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }

  /**
   * The sentinel lives in Redis beside the jobs: if it is gone, so may they be. Every in-flight
   * row goes back to undispatched; jobs that do still exist ignore the re-add (same job id).
   */
  async recoverIfRedisWasEmptied(): Promise<void> {
    const created = await this.redis.set(this.sentinel, new Date().toISOString(), 'NX');
    if (created !== 'OK') return;
    const reset = await updated<{ id: string }>(
      this.ds.manager,
      `UPDATE outbox SET dispatched_at = NULL
        WHERE dispatched_at IS NOT NULL AND processed_at IS NULL RETURNING id`,
      [],
    );
    const n = reset.length;
    if (n > 0) this.log.warn(`Redis lost its queue keys: ${n} outbox rows dispatched again`);
  }

  /** In-flight rows whose job is not in Redis any more are dispatched again. */
  async requeueStale(): Promise<number> {
    const stale: OutboxRow[] = await this.ds.query(
      `SELECT id, topic, dedupe_key FROM outbox
        WHERE dispatched_at < now() - interval '${STALE_AFTER_SECONDS} seconds'
          AND processed_at IS NULL
        ORDER BY dispatched_at LIMIT 1000`,
    );
    if (stale.length === 0) return 0;
    const missing: string[] = [];
    for (const row of stale) {
      const queue = this.queues[row.topic];
      if (queue && !(await queue.getJob(row.dedupe_key))) missing.push(row.id);
    }
    if (missing.length > 0) {
      await this.ds.query(`UPDATE outbox SET dispatched_at = NULL WHERE id = ANY($1::bigint[])`, [
        missing,
      ]);
      this.log.warn(`${missing.length} outbox rows had lost their jobs: dispatched again`);
    }
    return missing.length;
  }
}
