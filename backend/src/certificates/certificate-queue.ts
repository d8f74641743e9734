import type { DefaultJobOptions } from 'bullmq';

export const CERTIFICATES_QUEUE = 'certificates';
export const ISSUE_JOB = 'issue';

/**
 * Retries with exponential backoff (1 s, 2 s, 4 s, …); the worker parks a certificate as
 * `failed` on its last try. Finished jobs are trimmed: the database is the record, Redis only
 * carries the work.
 */
export function certificateJobOptions(attempts: number): DefaultJobOptions {
  return {
    attempts,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { age: 24 * 3600, count: 20000 },
    removeOnFail: { age: 14 * 24 * 3600 },
  };
}
