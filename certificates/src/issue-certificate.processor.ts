import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Job } from 'bullmq';
import { CERTIFICATES_QUEUE } from '../../backend/src/certificates/certificate-queue';
import type { Env } from '../../backend/src/config/env';
import type { IssueCertificateEvent } from '../../backend/src/outbox/events';
import { CertificateIssuer } from './certificate-issuer';

/** Runs issue jobs; BullMQ retries a failed one with backoff, and the last try parks it. */
@Processor(CERTIFICATES_QUEUE)
export class IssueCertificateProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly issuer: CertificateIssuer,
    private readonly config: ConfigService<Env, true>,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.get('CERT_WORKER_CONCURRENCY', { infer: true });
  }

  async process(job: Job<IssueCertificateEvent>): Promise<string> {
    const { certificateId, generation } = job.data;
    try {
      return await this.issuer.issue(certificateId, generation);
    } catch (e) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await this.issuer.park(certificateId, generation, (e as Error).message);
      }
      throw e;
    }
  }
}
