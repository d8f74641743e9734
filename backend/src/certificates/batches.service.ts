import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CertificateBatchProgress, CertificateBatchStatus } from '@qadam/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { normaliseEmail } from '../users/email';
import { requestCertificates } from './certificate-requests';
import type { Actor } from './certificates.service';

/** A second request for the same course and list within this window is the same batch. */
const DOUBLE_CLICK_SECONDS = 60;

export interface BatchRequest {
  courseSlug: string;
  /** E-mails or IINs; none: every eligible enrolment of the course. */
  teachers?: string[];
  includeEnglish?: boolean;
}

/**
 * Issues a course's certificates at once. Eligible: an enrolment that is completed (its
 * required lessons done and its final passed) and holds no live certificate of the course.
 * Everything is requested in one transaction with the batch, so the batch is all there or not
 * at all; the worker does the rest, and progress is counted from the certificates themselves.
 */
@Injectable()
export class BatchesService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, req: BatchRequest): Promise<{ id: string; created: boolean }> {
    const [course] = await this.ds.query(`SELECT id FROM courses WHERE slug = $1`, [
      req.courseSlug,
    ]);
    if (!course) throw new DomainError('NOT_FOUND');
    const listed = req.teachers?.map((t) =>
      /^\d{12}$/.test(t.trim()) ? t.trim() : normaliseEmail(t),
    );
    const fingerprint = createHash('sha256')
      .update(
        JSON.stringify([
          course.id,
          listed ? [...new Set(listed)].sort() : null,
          !!req.includeEnglish,
        ]),
      )
      .digest('hex');

    return this.ds.transaction(async (m) => {
      // Two clicks arrive together: the second waits here and then finds the first's batch.
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [fingerprint]);
      const [recent] = await m.query(
        `SELECT id FROM certificate_batches
          WHERE fingerprint = $1 AND created_at > now() - interval '${DOUBLE_CLICK_SECONDS} seconds'`,
        [fingerprint],
      );
      if (recent) return { id: recent.id as string, created: false };

      const candidates: {
        who: string | null;
        user_id: string | null;
        enrollment_id: string | null;
        status: string | null;
      }[] = await m.query(
        listed
          ? `SELECT w.who, u.id AS user_id, e.id AS enrollment_id, e.status
               FROM unnest($2::text[]) AS w(who)
               LEFT JOIN users u ON u.email = w.who OR u.iin = w.who
               LEFT JOIN enrollments e ON e.user_id = u.id AND e.course_id = $1
                AND e.status IN ('active', 'completed')`
          : `SELECT NULL AS who, e.user_id, e.id AS enrollment_id, e.status
               FROM enrollments e WHERE e.course_id = $1 AND e.status = 'completed'`,
        listed ? [course.id, [...new Set(listed)]] : [course.id],
      );
      const notEligible: { who: string; code: string }[] = [];
      const eligible: { userId: string; courseId: string; enrollmentId: string }[] = [];
      for (const c of candidates) {
        if (!c.user_id) notEligible.push({ who: c.who ?? '', code: 'UNKNOWN_TEACHER' });
        else if (c.status !== 'completed') {
          notEligible.push({ who: c.who ?? '', code: c.status ? 'NOT_COMPLETED' : 'NOT_ENROLLED' });
        } else
          eligible.push({ userId: c.user_id, courseId: course.id, enrollmentId: c.enrollment_id! });
      }

      const [batch] = await m.query(
        `INSERT INTO certificate_batches (course_id, requested_by, languages, requested,
                                          not_eligible, total, fingerprint)
         VALUES ($1, $2, $3, $4, $5, 0, $6) RETURNING id`,
        [
          course.id,
          actor.id,
          req.includeEnglish ? ['kk', 'ru', 'en'] : ['kk', 'ru'],
          listed ?? null,
          JSON.stringify(notEligible),
          fingerprint,
        ],
      );
      const created = await requestCertificates(m, eligible, {
        source: 'batch',
        batchId: batch.id,
        extraLanguages: req.includeEnglish ? ['en'] : [],
      });
      await m.query(`UPDATE certificate_batches SET total = $2, skipped = $3 WHERE id = $1`, [
        batch.id,
        created.length,
        eligible.length - created.length,
      ]);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'certificate.batch',
          targetType: 'certificate_batch',
          targetId: batch.id,
          after: {
            courseSlug: req.courseSlug,
            listed: listed?.length ?? null,
            total: created.length,
            skipped: eligible.length - created.length,
            notEligible: notEligible.length,
          },
          requestId: actor.requestId,
        },
        m,
      );
      return { id: batch.id as string, created: true };
    });
  }

  async progress(id: string): Promise<CertificateBatchProgress> {
    const [row] = await this.ds.query(
      `SELECT b.id, co.slug, b.total, b.skipped, b.not_eligible, b.created_at,
              count(c.id) FILTER (WHERE c.status = 'pending')::int AS pending,
              count(c.id) FILTER (WHERE c.status = 'issued')::int AS issued,
              count(c.id) FILTER (WHERE c.status = 'failed')::int AS failed
         FROM certificate_batches b
         JOIN courses co ON co.id = b.course_id
         LEFT JOIN certificates c ON c.batch_id = b.id
        WHERE b.id = $1
        GROUP BY b.id, co.slug`,
      [id],
    );
    if (!row) throw new DomainError('NOT_FOUND');
    const status: CertificateBatchStatus =
      row.pending > 0 ? 'running' : row.failed > 0 ? 'completed_with_failures' : 'completed';
    return {
      id: row.id,
      courseSlug: row.slug,
      status,
      total: row.total,
      pending: row.pending,
      issued: row.issued,
      failed: row.failed,
      skipped: row.skipped,
      notEligible: row.not_eligible,
      createdAt: row.created_at.toISOString(),
    };
  }
}
