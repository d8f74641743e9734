import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { QueueCounts, QueueOverview } from '@qadam/contracts';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ATTEMPT_DEADLINES_QUEUE } from '../assessments/deadline-sweeper';
import { BULK_ENROLLMENT_QUEUE } from '../enrollments/bulk-enrollment.service';
import { CERTIFICATES_QUEUE } from './certificate-queue';

/** The background work at a glance, for admins: the queues, the outbox, unsettled certificates. */
@Injectable()
export class QueuesOverview {
  private readonly queues: Queue[];

  constructor(
    private readonly ds: DataSource,
    @InjectQueue(CERTIFICATES_QUEUE) certificates: Queue,
    @InjectQueue(BULK_ENROLLMENT_QUEUE) bulk: Queue,
    @InjectQueue(ATTEMPT_DEADLINES_QUEUE) deadlines: Queue,
  ) {
    this.queues = [certificates, bulk, deadlines];
  }

  async overview(): Promise<QueueOverview> {
    const [queues, [db]] = await Promise.all([
      Promise.all(this.queues.map((q) => this.counts(q))),
      this.ds.query(
        `SELECT (SELECT count(*) FROM outbox WHERE dispatched_at IS NULL)::int AS undispatched,
                (SELECT count(*) FROM outbox
                  WHERE dispatched_at IS NOT NULL AND processed_at IS NULL)::int AS in_flight,
                (SELECT count(*) FROM certificates WHERE status = 'pending')::int AS pending,
                (SELECT count(*) FROM certificates WHERE status = 'failed')::int AS failed`,
      ),
    ]);
    return {
      queues,
      outbox: { undispatched: db.undispatched, inFlight: db.in_flight },
      certificates: { pending: db.pending, failed: db.failed },
    };
  }

  private async counts(q: Queue): Promise<QueueCounts> {
    const c = await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
    return {
      name: q.name,
      waiting: c.waiting ?? 0,
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      failed: c.failed ?? 0,
      completed: c.completed ?? 0,
    };
  }
}
