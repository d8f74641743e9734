import { Module } from '@nestjs/common';
import { IssuerModule } from '../../backend/src/certificates/issuer.module';
import { CoreModule } from '../../backend/src/core.module';
import { OutboxModule } from '../../backend/src/outbox/outbox.module';
import { QueuesModule } from '../../backend/src/queues.module';
import { CertificateIssuer } from './certificate-issuer';
import { IssueCertificateProcessor } from './issue-certificate.processor';

/**
 * The certificate worker: the outbox dispatcher and the issue jobs' processor, over the same
 * configuration, database and Redis as the API. Run as many as the load needs.
 */
@Module({
  imports: [CoreModule, QueuesModule, OutboxModule, IssuerModule],
  providers: [CertificateIssuer, IssueCertificateProcessor],
})
export class WorkerModule {}
