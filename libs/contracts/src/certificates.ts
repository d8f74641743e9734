import type { LadderLevel, TranslatableText } from './catalog';

/** `failed`: the worker gave up after its retries; an admin can retry it. */
export type CertificateStatus = 'pending' | 'issued' | 'revoked' | 'failed';

/** What earned it: a passed final, an admin's batch, or an admin's re-issue. */
export type CertificateSource = 'assessment' | 'batch' | 'reissue';

/** A teacher's certificate (`GET /api/me/certificates`). */
export interface CertificateSummary {
  id: string;
  number: string;
  level: LadderLevel;
  courseSlug: string;
  courseTitle: TranslatableText;
  status: CertificateStatus;
  issuedAt: string | null;
  revokedAt: string | null;
  /** The public page the QR code opens. */
  verifyUrl: string;
  pdfUrl: string;
  credentialUrl: string;
}

/** A certificate as admins see it (`GET /api/admin/certificates`). */
export interface AdminCertificate extends CertificateSummary {
  userId: string;
  holderName: string;
  holderEmail: string;
  source: CertificateSource;
  batchId: string | null;
  replacesId: string | null;
  revokeReason: string | null;
  /** Why the last issue failed, when `failed`. */
  error: string | null;
  failedAt: string | null;
  createdAt: string;
}

/** `GET /api/verify/:id`: what anyone may learn about a certificate. */
export interface VerificationResult {
  /** Issued, not revoked, and its signed credential checks out. */
  valid: boolean;
  status: CertificateStatus;
  number: string;
  holderName: string | null;
  level: LadderLevel;
  courseTitle: TranslatableText;
  hours: number | null;
  issuedAt: string | null;
  issuer: string | null;
  revokedAt?: string;
  reason?: string;
  /** Set when the stored credential does not verify (tampered or signed by another key). */
  problem?: 'signature';
}

export type CertificateBatchStatus = 'running' | 'completed' | 'completed_with_failures';

/** `GET /api/admin/certificates/batches/:id`. */
export interface CertificateBatchProgress {
  id: string;
  courseSlug: string;
  status: CertificateBatchStatus;
  /** Certificates this batch created. */
  total: number;
  pending: number;
  issued: number;
  failed: number;
  /** Eligible teachers who already held a live certificate of the course. */
  skipped: number;
  /** Teachers of the uploaded list who could not be given one, with the reason code. */
  notEligible: { who: string; code: string }[];
  createdAt: string;
}

export interface QueueCounts {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

/** `GET /api/admin/queues`: the background work at a glance. */
export interface QueueOverview {
  queues: QueueCounts[];
  outbox: { undispatched: number; inFlight: number };
  certificates: { pending: number; failed: number };
}
