import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type {
  AdminCertificate,
  CertificateSource,
  CertificateStatus,
  CertificateSummary,
  LadderLevel,
  Lang,
  Page,
  TranslatableText,
} from '@qadam/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { annulEvidence } from '../competencies/evidence';
import { DomainError } from '../common/errors/domain-error';
import type { Env } from '../config/env';
import { updated } from '../database/returning';
import { certificateJobId, ISSUE_CERTIFICATE } from '../outbox/events';
import { CertificateCache } from './certificate-cache';
import { requestCertificates } from './certificate-requests';
import { certificateUrls, statusListOf } from './certificate-urls';

export interface Actor {
  id: string;
  roles: string[];
  requestId?: string | null;
}

interface Row {
  id: string;
  number: string;
  level: LadderLevel;
  slug: string;
  title: TranslatableText;
  course_title: TranslatableText | null;
  status: CertificateStatus;
  issued_at: Date | null;
  revoked_at: Date | null;
}

interface AdminRow extends Row {
  user_id: string;
  full_name: string;
  holder_name: string | null;
  email: string;
  source: CertificateSource;
  batch_id: string | null;
  replaces_id: string | null;
  revoke_reason: string | null;
  error: string | null;
  failed_at: Date | null;
  created_at: Date;
}

const SUMMARY_COLUMNS = `c.id, c.number, c.level, co.slug, co.title, c.course_title, c.status,
  c.issued_at, c.revoked_at`;
/** An admin's view: the summary with holder, source, batch, revocation and failure. */
const ADMIN_SELECT = `SELECT ${SUMMARY_COLUMNS}, c.user_id, u.full_name, c.holder_name, u.email,
       c.source, c.batch_id, c.replaces_id, c.revoke_reason, c.error, c.failed_at, c.created_at`;
const ADMIN_FROM = `FROM certificates c
  JOIN courses co ON co.id = c.course_id
  JOIN users u ON u.id = c.user_id`;

export interface AdminCertificateQuery {
  status?: CertificateStatus;
  courseSlug?: string;
  batchId?: string;
  userId?: string;
  page: number;
  pageSize: number;
}

/** Certificates as their holders and admins see them, and what admins do to them. */
@Injectable()
export class CertificatesService {
  private readonly publicUrl: string;

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly cache: CertificateCache,
    config: ConfigService<Env, true>,
  ) {
    this.publicUrl = config.get('PUBLIC_URL', { infer: true });
  }

  async mine(userId: string): Promise<CertificateSummary[]> {
    const rows: Row[] = await this.ds.query(
      `SELECT ${SUMMARY_COLUMNS} FROM certificates c JOIN courses co ON co.id = c.course_id
        WHERE c.user_id = $1 ORDER BY c.created_at DESC`,
      [userId],
    );
    return rows.map((r) => this.summary(r));
  }

  async list(q: AdminCertificateQuery): Promise<Page<AdminCertificate>> {
    const rows: (AdminRow & { total: number })[] = await this.ds.query(
      `${ADMIN_SELECT}, count(*) OVER ()::int AS total
         ${ADMIN_FROM}
        WHERE ($1::text IS NULL OR c.status = $1)
          AND ($2::text IS NULL OR co.slug = $2)
          AND ($3::uuid IS NULL OR c.batch_id = $3)
          AND ($4::uuid IS NULL OR c.user_id = $4)
        ORDER BY c.created_at DESC, c.id
        LIMIT $5 OFFSET $6`,
      [
        q.status ?? null,
        q.courseSlug ?? null,
        q.batchId ?? null,
        q.userId ?? null,
        q.pageSize,
        (q.page - 1) * q.pageSize,
      ],
    );
    return {
      items: rows.map((r) => this.adminView(r)),
      total: rows[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** The issued PDF, byte for byte; only its holder and admins may have it. */
  async pdf(actor: Actor, id: string): Promise<{ number: string; pdf: Buffer }> {
    const [row] = await this.ds.query(
      `SELECT c.number, c.status, c.user_id, d.pdf FROM certificates c
         LEFT JOIN certificate_documents d ON d.certificate_id = c.id
        WHERE c.id = $1`,
      [id],
    );
    // Someone else's certificate does not exist for the caller.
    if (!row || (row.user_id !== actor.id && !actor.roles.includes('admin'))) {
      throw new DomainError('NOT_FOUND');
    }
    if (!row.pdf) throw new DomainError('CERTIFICATE_NOT_READY');
    return { number: row.number, pdf: row.pdf };
  }

  /** The signed credential: public, like the verification it supports. */
  async credential(id: string): Promise<Record<string, unknown>> {
    const [row] = await this.ds.query(
      `SELECT c.status, d.credential FROM certificates c
         LEFT JOIN certificate_documents d ON d.certificate_id = c.id
        WHERE c.id = $1`,
      [id],
    );
    if (!row) throw new DomainError('NOT_FOUND');
    if (!row.credential) throw new DomainError('CERTIFICATE_NOT_READY');
    return row.credential;
  }

  /** Revokes at once: the status list and the verification answers are rebuilt on next read. */
  async revoke(actor: Actor, id: string, reason: string): Promise<AdminCertificate> {
    const old = await this.ds.transaction((m) =>
      this.revokeIn(m, actor, id, reason, 'certificate.revoke'),
    );
    await this.dropCached(id, old.status_index);
    return this.adminOne(id);
  }

  /**
   * Re-issue (a corrected name, a new template): the old certificate is revoked and a new one
   * requested in one transaction; the old PDF and credential stay as they were issued.
   */
  async reissue(actor: Actor, id: string, reason: string): Promise<{ id: string }> {
    const { created, statusIndex } = await this.ds.transaction(async (m) => {
      const old = await this.revokeIn(m, actor, id, reason, 'certificate.reissue');
      const [newId] = await requestCertificates(
        m,
        [{ userId: old.user_id, courseId: old.course_id, enrollmentId: old.enrollment_id }],
        { source: 'reissue', replacesId: id, extraLanguages: old.languages },
      );
      return { created: newId, statusIndex: old.status_index };
    });
    await this.dropCached(id, statusIndex);
    return { id: created };
  }

  /** A failed issue goes back to the worker, as a new generation with a job of its own. */
  async retry(actor: Actor, id: string): Promise<AdminCertificate> {
    await this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `SELECT status, error FROM certificates WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) throw new DomainError('NOT_FOUND');
      if (row.status !== 'failed') {
        throw new DomainError('CERTIFICATE_NOT_FAILED', { status: row.status });
      }
      const [next] = await updated<{ generation: number }>(
        m,
        `UPDATE certificates SET status = 'pending', generation = generation + 1,
                error = NULL, failed_at = NULL
          WHERE id = $1 RETURNING generation`,
        [id],
      );
      await m.query(`INSERT INTO outbox (topic, dedupe_key, payload) VALUES ($1, $2, $3)`, [
        ISSUE_CERTIFICATE,
        certificateJobId(id, next.generation),
        { certificateId: id, generation: next.generation },
      ]);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'certificate.retry',
          targetType: 'certificate',
          targetId: id,
          before: { status: 'failed', error: row.error },
          after: { status: 'pending', generation: next.generation },
          requestId: actor.requestId,
        },
        m,
      );
    });
    return this.adminOne(id);
  }

  async adminOne(id: string): Promise<AdminCertificate> {
    const [row]: AdminRow[] = await this.ds.query(`${ADMIN_SELECT} ${ADMIN_FROM} WHERE c.id = $1`, [
      id,
    ]);
    if (!row) throw new DomainError('NOT_FOUND');
    return this.adminView(row);
  }

  private async revokeIn(
    m: EntityManager,
    actor: Actor,
    id: string,
    reason: string,
    action: string,
  ): Promise<{
    user_id: string;
    course_id: string;
    enrollment_id: string | null;
    languages: Lang[];
    status_index: number;
  }> {
    const [row] = await m.query(
      `SELECT status, status_index, user_id, course_id, enrollment_id, languages
         FROM certificates WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw new DomainError('NOT_FOUND');
    if (row.status === 'revoked') throw new DomainError('CERTIFICATE_REVOKED');
    await m.query(
      `UPDATE certificates SET status = 'revoked', revoked_at = now(), revoke_reason = $2,
              revoked_by = $3
        WHERE id = $1`,
      [id, reason, actor.id],
    );
    // The competency evidence the certificate gave goes with it.
    await annulEvidence(
      m,
      { sourceType: 'certificate', sourceIds: [id] },
      `certificate revoked: ${reason}`,
      actor.id,
    );
    await this.audit.record(
      {
        actorId: actor.id,
        action,
        targetType: 'certificate',
        targetId: id,
        before: { status: row.status },
        after: { status: 'revoked', reason },
        requestId: actor.requestId,
      },
      m,
    );
    // Inside the transaction: if the cache cannot be cleared, the revocation does not happen,
    // rather than verification answering "valid" for up to an hour. Again after the commit, for
    // a reader that cached the old state in between.
    await this.dropCached(id, row.status_index);
    return row;
  }

  private dropCached(id: string, statusIndex: number): Promise<void> {
    return this.cache.drop(
      this.cache.verifyKey(id),
      this.cache.statusListKey(statusListOf(statusIndex)),
    );
  }

  private summary(r: Row): CertificateSummary {
    const { verifyUrl, pdfUrl, credentialUrl } = certificateUrls(this.publicUrl, r.id);
    return {
      id: r.id,
      number: r.number,
      level: r.level,
      courseSlug: r.slug,
      courseTitle: r.course_title ?? r.title,
      status: r.status,
      issuedAt: r.issued_at?.toISOString() ?? null,
      revokedAt: r.revoked_at?.toISOString() ?? null,
      verifyUrl,
      pdfUrl,
      credentialUrl,
    };
  }

  private adminView(r: AdminRow): AdminCertificate {
    return {
      ...this.summary(r),
      userId: r.user_id,
      holderName: r.holder_name ?? r.full_name,
      holderEmail: r.email,
      source: r.source,
      batchId: r.batch_id,
      replacesId: r.replaces_id,
      revokeReason: r.revoke_reason,
      error: r.error,
      failedAt: r.failed_at?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
    };
  }
}
