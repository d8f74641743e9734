import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { Env } from '../config/env';
import { AttemptGrader } from './attempt-grader';

export const ATTEMPT_DEADLINES_QUEUE = 'attempt-deadlines';
const SWEEP_SCHEDULER = 'sweep-expired-attempts';
/** Attempts closed per query; a sweep goes on until none is left. */
const BATCH = 200;

/**
 * Closes attempts whose deadline has passed and grades what was saved, whether or not the
 * teacher's browser is still there. A BullMQ job scheduler runs the sweep on one process at a
 * time however many API processes there are; a deadline is also enforced at once by every
 * save, start and read of the attempt, so the sweep only has to catch the abandoned ones.
 */
@Injectable()
export class DeadlineSweepScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(ATTEMPT_DEADLINES_QUEUE) private readonly queue: Queue,
    private readonly config: ConfigService<Env, true>,
  ) {}

  private readonly log = new Logger(DeadlineSweepScheduler.name);

  /** Not awaited: the API must start (and report itself degraded) while Redis is away. */
  onApplicationBootstrap(): void {
    this.queue
      .upsertJobScheduler(
        SWEEP_SCHEDULER,
        { every: this.config.get('ATTEMPT_SWEEP_SECONDS', { infer: true }) * 1000 },
        { name: 'sweep', opts: { removeOnComplete: true, removeOnFail: 100 } },
      )
      .catch((e: Error) => this.log.error(`could not schedule the deadline sweep: ${e.message}`));
  }
}

@Processor(ATTEMPT_DEADLINES_QUEUE)
export class DeadlineSweeper extends WorkerHost {
  private readonly log = new Logger(DeadlineSweeper.name);

  constructor(
    private readonly ds: DataSource,
    private readonly grader: AttemptGrader,
  ) {
    super();
  }

  async process(): Promise<number> {
    let closed = 0;
    for (;;) {
      const due: { id: string }[] = await this.ds.query(
        `SELECT id FROM attempts WHERE status = 'in_progress' AND deadline <= now()
          ORDER BY deadline LIMIT ${BATCH}`,
      );
      for (const { id } of due) {
        if (await this.grader.close(id, 'deadline', null)) closed += 1;
      }
      if (due.length < BATCH) break;
    }
    if (closed > 0) this.log.log(`closed ${closed} attempt(s) at their deadline`);
    return closed;
  }
}
