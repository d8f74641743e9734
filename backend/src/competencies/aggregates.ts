import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { CompetencyAggregatesView, MonitoringDimension } from '@qadam/contracts';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { Env } from '../config/env';

export const AGGREGATES_QUEUE = 'competency-aggregates';
const SCHEDULER = 'refresh-competency-aggregates';
const VIEW = 'competency_aggregates';

/** Reads the monitoring aggregates: one query on the materialised view per view asked. */
@Injectable()
export class AggregatesService implements OnApplicationBootstrap {
  private readonly log = new Logger(AggregatesService.name);

  constructor(
    private readonly ds: DataSource,
    @InjectQueue(AGGREGATES_QUEUE) private readonly queue: Queue,
    private readonly config: ConfigService<Env, true>,
  ) {}

  /** Not awaited: the API must start while Redis is away. */
  onApplicationBootstrap(): void {
    this.queue
      .upsertJobScheduler(
        SCHEDULER,
        { every: this.config.get('AGGREGATES_REFRESH_MINUTES', { infer: true }) * 60_000 },
        { name: 'refresh', opts: { removeOnComplete: true, removeOnFail: 100 } },
      )
      .catch((e: Error) => this.log.error(`could not schedule the aggregates: ${e.message}`));
  }

  /** After an annulment: refresh soon (one job per second at most, however many annul). */
  async requestRefresh(): Promise<void> {
    await this.queue
      .add(
        'refresh',
        {},
        {
          jobId: `refresh-${Math.floor(Date.now() / 1000)}`,
          removeOnComplete: true,
          removeOnFail: 100,
        },
      )
      .catch((e: Error) => this.log.warn(`aggregates refresh not queued: ${e.message}`));
  }

  async view(by: MonitoringDimension): Promise<CompetencyAggregatesView> {
    const [rows, blocks, [refreshed]] = await Promise.all([
      this.ds.query(
        `SELECT value, competency_code, teachers FROM ${VIEW} WHERE dimension = $1
          ORDER BY value, competency_code`,
        [by],
      ) as Promise<{ value: string; competency_code: string; teachers: number }[]>,
      this.ds.query(
        `SELECT code FROM competencies
          WHERE framework_code = 'unesco-cft' AND kind = 'block' ORDER BY position`,
      ) as Promise<{ code: string }[]>,
      this.ds.query(`SELECT refreshed_at FROM materialized_refreshes WHERE name = $1`, [VIEW]),
    ]);
    const groups = new Map<string, { teachers: number; counts: Map<string, number> }>();
    for (const r of rows) {
      const g = groups.get(r.value) ?? { teachers: 0, counts: new Map() };
      if (r.competency_code === '') g.teachers = r.teachers;
      else g.counts.set(r.competency_code, r.teachers);
      groups.set(r.value, g);
    }
    const codes = blocks.map((b) => b.code);
    return {
      by,
      refreshedAt: refreshed?.refreshed_at?.toISOString() ?? null,
      blocks: codes,
      groups: [...groups].map(([value, g]) => ({
        value,
        teachers: g.teachers,
        blocks: codes.map((code) => {
          const demonstrated = g.counts.get(code) ?? 0;
          return {
            code,
            demonstrated,
            share: g.teachers > 0 ? Math.round((demonstrated / g.teachers) * 10000) / 10000 : 0,
          };
        }),
      })),
    };
  }
}

/** Recomputes the aggregates without blocking their readers. */
@Processor(AGGREGATES_QUEUE, { concurrency: 1 })
export class AggregatesRefresher extends WorkerHost {
  private readonly log = new Logger(AggregatesRefresher.name);

  constructor(private readonly ds: DataSource) {
    super();
  }

  async process(): Promise<number> {
    const started = Date.now();
    await refreshAggregates(this.ds);
    const ms = Date.now() - started;
    this.log.log(`competency aggregates refreshed in ${ms} ms`);
    return ms;
  }
}

export async function refreshAggregates(ds: DataSource): Promise<void> {
  await ds.query(`REFRESH MATERIALIZED VIEW CONCURRENTLY ${VIEW}`);
  await ds.query(
    `INSERT INTO materialized_refreshes (name, refreshed_at) VALUES ($1, now())
     ON CONFLICT (name) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at`,
    [VIEW],
  );
}
