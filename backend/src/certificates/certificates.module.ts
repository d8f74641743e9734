import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ATTEMPT_DEADLINES_QUEUE } from '../assessments/deadline-sweeper';
import { BULK_ENROLLMENT_QUEUE } from '../enrollments/bulk-enrollment.service';
import { AdminCertificatesController } from './admin-certificates.controller';
import { BatchesService } from './batches.service';
import { CertificateCache } from './certificate-cache';
import { CERTIFICATES_QUEUE } from './certificate-queue';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { IssuerModule } from './issuer.module';
import { QueuesOverview } from './queues-overview';
import { StatusListService } from './status-list.service';
import { VerificationService } from './verification.service';

/**
 * Certificates in the API: holders' lists and downloads, public verification (JSON, the QR's
 * page, revocation lists, the DID document), and admins' batches, revocation and retries.
 * Issuing itself is the worker's (certificates/); requests reach it through the outbox.
 */
@Module({
  imports: [
    IssuerModule,
    // Read-only here (counts for admins); the worker consumes, the dispatcher produces.
    BullModule.registerQueue(
      { name: CERTIFICATES_QUEUE },
      { name: BULK_ENROLLMENT_QUEUE },
      { name: ATTEMPT_DEADLINES_QUEUE },
    ),
  ],
  controllers: [CertificatesController, AdminCertificatesController],
  providers: [
    CertificatesService,
    BatchesService,
    VerificationService,
    StatusListService,
    CertificateCache,
    QueuesOverview,
  ],
  exports: [VerificationService],
})
export class CertificatesModule {}
