import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import {
  BULK_ENROLLMENT_QUEUE,
  BulkEnrollmentJobData,
  BulkEnrollmentService,
} from './bulk-enrollment.service';

/** Applies large CSV files in the background; the job row holds the file and the report. */
@Processor(BULK_ENROLLMENT_QUEUE)
export class BulkEnrollmentProcessor extends WorkerHost {
  constructor(private readonly bulk: BulkEnrollmentService) {
    super();
  }

  async process(job: Job<BulkEnrollmentJobData>): Promise<void> {
    await this.bulk.run(job.data.jobId);
  }
}
