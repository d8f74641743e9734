import { Injectable } from '@nestjs/common';
import type {
  CertificateStatus,
  LadderLevel,
  TranslatableText,
  VerificationResult,
} from '@qadam/contracts';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { CertificateCache } from './certificate-cache';
import { credentialPath } from './certificate-urls';
import { verifyEddsaRdfc2022 } from './credential';
import { IssuerIdentity } from './issuer-identity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Settled answers only (issued, revoked); a revocation drops the entry at once. */
const CACHE_SECONDS = 3600;

interface Row {
  id: string;
  number: string;
  status: CertificateStatus;
  level: LadderLevel;
  holder_name: string | null;
  course_title: TranslatableText | null;
  title: TranslatableText;
  hours: number | null;
  issued_at: Date | null;
  revoked_at: Date | null;
  revoke_reason: string | null;
  credential: Record<string, unknown> | null;
}

/**
 * Public verification: the certificate's status, and whether its stored credential still
 * carries the issuer's valid signature and belongs to it. A credential altered in the database
 * (or copied from another certificate) does not verify.
 */
@Injectable()
export class VerificationService {
  constructor(
    private readonly ds: DataSource,
    private readonly issuer: IssuerIdentity,
    private readonly cache: CertificateCache,
  ) {}

  /** Throws NOT_FOUND for an unknown (or malformed) id. */
  async verify(id: string): Promise<VerificationResult> {
    if (!UUID.test(id)) throw new DomainError('NOT_FOUND');
    const key = this.cache.verifyKey(id);
    const cached = await this.cache.get<VerificationResult>(key);
    if (cached) return cached;

    const [row]: Row[] = await this.ds.query(
      `SELECT c.id, c.number, c.status, c.level, c.holder_name, c.course_title, co.title,
              c.hours, c.issued_at, c.revoked_at, c.revoke_reason, d.credential
         FROM certificates c
         JOIN courses co ON co.id = c.course_id
         LEFT JOIN certificate_documents d ON d.certificate_id = c.id
        WHERE c.id = $1`,
      [id],
    );
    if (!row) throw new DomainError('NOT_FOUND');
    const signatureOk = row.credential ? await this.credentialHolds(row.id, row.credential) : false;
    const result: VerificationResult = {
      valid: row.status === 'issued' && signatureOk,
      status: row.status,
      number: row.number,
      holderName: row.holder_name,
      level: row.level,
      courseTitle: row.course_title ?? row.title,
      hours: row.hours,
      issuedAt: row.issued_at?.toISOString() ?? null,
      issuer: issuerName(row.credential),
      ...(row.revoked_at
        ? { revokedAt: row.revoked_at.toISOString(), reason: row.revoke_reason ?? '' }
        : {}),
      ...(row.credential && !signatureOk ? { problem: 'signature' as const } : {}),
    };
    if (row.status === 'issued' || row.status === 'revoked') {
      await this.cache.set(key, result, CACHE_SECONDS);
    }
    return result;
  }

  private async credentialHolds(id: string, credential: Record<string, unknown>): Promise<boolean> {
    // The credential must be this certificate's (not another's copied over it); by its path, so
    // credentials issued before a change of PUBLIC_URL still verify.
    if (typeof credential.id !== 'string' || !credential.id.endsWith(credentialPath(id))) {
      return false;
    }
    const { verified } = await verifyEddsaRdfc2022(credential, (vm) =>
      this.issuer.publicKeyFor(vm),
    );
    return verified;
  }
}

function issuerName(credential: Record<string, unknown> | null): string | null {
  const issuer = credential?.issuer as { name?: unknown } | undefined;
  return typeof issuer?.name === 'string' ? issuer.name : null;
}
