import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { updated } from '../database/returning';
import { DomainError } from '../common/errors/domain-error';
import type { Actor } from '../ladder/ladder.service';

export interface LockedCohort {
  id: string;
  code: string;
  course_id: string;
  version_id: string;
  seats: number;
  waitlist_limit: number;
  enrolment_opens_at: Date;
  enrolment_closes_at: Date;
}

export interface SeatCounts {
  seated: number;
  waitlisted: number;
  pending: number;
}

/**
 * Seat accounting for a cohort. Every change that takes or frees a seat first locks the
 * cohort's row, so two approvals (or an approval and a withdrawal) cannot both count the same
 * free seat.
 */
@Injectable()
export class CohortSeats {
  constructor(private readonly audit: AuditService) {}

  async lock(m: EntityManager, cohortId: string): Promise<LockedCohort> {
    const [row] = await m.query(
      `SELECT id, code, course_id, version_id, seats, waitlist_limit, enrolment_opens_at,
              enrolment_closes_at
         FROM cohorts WHERE id = $1 FOR UPDATE`,
      [cohortId],
    );
    if (!row) throw new DomainError('NOT_FOUND');
    return row;
  }

  async counts(m: EntityManager, cohortId: string): Promise<SeatCounts> {
    const [row] = await m.query(
      `SELECT count(*) FILTER (WHERE status IN ('active', 'completed'))::int AS seated,
              count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted,
              count(*) FILTER (WHERE status = 'pending')::int AS pending
         FROM enrollments WHERE cohort_id = $1`,
      [cohortId],
    );
    return row;
  }

  /**
   * Fills free seats from the head of the waitlist (earliest first). Call with the cohort
   * locked. Returns the promoted enrolments.
   */
  async promote(m: EntityManager, cohortId: string, actor: Actor | null): Promise<string[]> {
    const [cohort] = await m.query(`SELECT seats FROM cohorts WHERE id = $1`, [cohortId]);
    const { seated } = await this.counts(m, cohortId);
    const free = cohort.seats - seated;
    if (free <= 0) return [];
    const promoted = await updated<{ id: string; user_id: string }>(
      m,
      `UPDATE enrollments SET status = 'active', waitlisted_at = waitlisted_at
        WHERE id IN (SELECT id FROM enrollments
                      WHERE cohort_id = $1 AND status = 'waitlisted'
                      ORDER BY waitlisted_at, id LIMIT $2)
       RETURNING id, user_id`,
      [cohortId, free],
    );
    for (const p of promoted) {
      await this.audit.record(
        {
          actorId: actor?.id ?? null,
          action: 'enrollment.promote',
          targetType: 'enrollment',
          targetId: p.id,
          before: { status: 'waitlisted' },
          after: { status: 'active', cohortId },
          requestId: actor?.requestId ?? null,
        },
        m,
      );
    }
    return promoted.map((p) => p.id);
  }
}
