import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Cohort, CohortApplication, Page } from '@qadam/contracts';
import { AuditService } from '../audit/audit.service';
import { updated } from '../database/returning';
import { DomainError } from '../common/errors/domain-error';
import { violatedUniqueConstraint } from '../database/pg-errors';
import { LadderService, type Actor } from '../ladder/ladder.service';
import { CohortSeats } from './cohort-seats';
import {
  ApplicationsQueryDto,
  CohortQueryDto,
  CreateCohortDto,
  UpdateCohortDto,
} from './dto/cohort.dto';
import { recomputeProgress } from './progress';

/** The contract's shape (shared with the staff console). */
export type Application = CohortApplication;

const APPLICATION_SELECT = `SELECT e.id, e.user_id, u.full_name, u.email, u.iin, u.region, e.status,
  e.reason, e.progress, e.created_at, e.decided_at`;

const COHORT_SELECT = `
  SELECT h.id, h.code, c.slug AS course_slug, h.title, h.starts_on::text, h.ends_on::text,
         h.enrolment_opens_at, h.enrolment_closes_at, h.seats, h.waitlist_limit, v.number,
         (SELECT count(*) FILTER (WHERE e.status IN ('active', 'completed'))::int
            FROM enrollments e WHERE e.cohort_id = h.id) AS taken,
         (SELECT count(*) FILTER (WHERE e.status = 'waitlisted')::int
            FROM enrollments e WHERE e.cohort_id = h.id) AS waitlisted,
         (SELECT count(*) FILTER (WHERE e.status = 'pending')::int
            FROM enrollments e WHERE e.cohort_id = h.id) AS pending
    FROM cohorts h JOIN courses c ON c.id = h.course_id
    JOIN course_versions v ON v.id = h.version_id`;

/** Admins run cohorts: dates, seats, the window, applications, and version migration. */
@Injectable()
export class CohortsService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly seats: CohortSeats,
    private readonly ladder: LadderService,
  ) {}

  async create(actor: Actor, dto: CreateCohortDto): Promise<Cohort> {
    assertDates(dto.startsOn, dto.endsOn, dto.enrolmentOpensAt, dto.enrolmentClosesAt);
    const id = await this.ds.transaction(async (m) => {
      const [course] = await m.query(
        `SELECT id, kind, published_version_id FROM courses WHERE slug = $1`,
        [dto.courseSlug],
      );
      if (!course) throw DomainError.invalid('courseSlug', 'course.unknown');
      if (!course.published_version_id) throw new DomainError('COURSE_NOT_PUBLISHED');
      if (course.kind === 'mooc') throw DomainError.invalid('courseSlug', 'course.mooc');
      let row: { id: string };
      try {
        [row] = await m.query(
          `INSERT INTO cohorts (code, course_id, version_id, title, starts_on, ends_on,
                                enrolment_opens_at, enrolment_closes_at, seats, waitlist_limit,
                                created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [
            dto.code,
            course.id,
            course.published_version_id,
            dto.title,
            dto.startsOn,
            dto.endsOn,
            dto.enrolmentOpensAt,
            dto.enrolmentClosesAt,
            dto.seats,
            dto.waitlistLimit ?? dto.seats,
            actor.id,
          ],
        );
      } catch (e) {
        if (violatedUniqueConstraint(e))
          throw new DomainError('COHORT_CODE_TAKEN', { code: dto.code });
        throw e;
      }
      await this.record(m, actor, 'cohort.create', row.id, undefined, { ...dto });
      return row.id;
    });
    return this.get(id);
  }

  async update(actor: Actor, id: string, dto: UpdateCohortDto): Promise<Cohort> {
    await this.ds.transaction(async (m) => {
      const before = await this.get(id, m);
      await this.seats.lock(m, id);
      const next = {
        startsOn: dto.startsOn ?? before.startsOn,
        endsOn: dto.endsOn ?? before.endsOn,
        enrolmentOpensAt: dto.enrolmentOpensAt ?? new Date(before.enrolmentOpensAt),
        enrolmentClosesAt: dto.enrolmentClosesAt ?? new Date(before.enrolmentClosesAt),
      };
      assertDates(next.startsOn, next.endsOn, next.enrolmentOpensAt, next.enrolmentClosesAt);
      await m.query(
        `UPDATE cohorts SET title = $2, starts_on = $3, ends_on = $4, enrolment_opens_at = $5,
                enrolment_closes_at = $6, seats = $7, waitlist_limit = $8
          WHERE id = $1`,
        [
          id,
          dto.title ?? before.title,
          next.startsOn,
          next.endsOn,
          next.enrolmentOpensAt,
          next.enrolmentClosesAt,
          dto.seats ?? before.seats,
          dto.waitlistLimit ?? before.waitlistLimit,
        ],
      );
      await this.record(m, actor, 'cohort.update', id, before as never, { ...dto });
      // More seats: the waitlist moves up at once.
      await this.seats.promote(m, id, actor);
    });
    return this.get(id);
  }

  async get(id: string, m: EntityManager = this.ds.manager): Promise<Cohort> {
    const [row] = await m.query(`${COHORT_SELECT} WHERE h.id = $1`, [id]);
    if (!row) throw new DomainError('NOT_FOUND');
    return toCohort(row);
  }

  async list(q: CohortQueryDto): Promise<Page<Cohort>> {
    const rows = await this.ds.query(
      `${COHORT_SELECT} WHERE ($1::text IS NULL OR c.slug = $1)
        ORDER BY h.starts_on DESC, h.code LIMIT $2 OFFSET $3`,
      [q.courseSlug ?? null, q.pageSize, (q.page - 1) * q.pageSize],
    );
    const [{ total }] = await this.ds.query(
      `SELECT count(*)::int AS total FROM cohorts h JOIN courses c ON c.id = h.course_id
        WHERE ($1::text IS NULL OR c.slug = $1)`,
      [q.courseSlug ?? null],
    );
    return { items: rows.map(toCohort), total, page: q.page, pageSize: q.pageSize };
  }

  /** For teachers: cohorts still taking applications or about to. */
  async open(slug: string): Promise<Cohort[]> {
    const rows = await this.ds.query(
      `${COHORT_SELECT} WHERE c.slug = $1 AND h.enrolment_closes_at > now()
        ORDER BY h.starts_on, h.code`,
      [slug],
    );
    return rows.map(toCohort);
  }

  async applications(cohortId: string, q: ApplicationsQueryDto): Promise<Page<Application>> {
    await this.get(cohortId);
    const rows = await this.ds.query(
      `${APPLICATION_SELECT}, count(*) OVER () AS total
         FROM enrollments e JOIN users u ON u.id = e.user_id
        WHERE e.cohort_id = $1 AND ($2::text IS NULL OR e.status = $2)
        ORDER BY CASE e.status WHEN 'pending' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END,
                 coalesce(e.waitlisted_at, e.created_at), e.id
        LIMIT $3 OFFSET $4`,
      [cohortId, q.status ?? null, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return {
      items: rows.map(toApplication),
      total: rows.length ? Number(rows[0].total) : 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Approves an application: a seat if one is free, else the waitlist; COHORT_FULL if neither. */
  async approve(actor: Actor, enrollmentId: string): Promise<Application> {
    await this.ds.transaction(async (m) => {
      const e = await this.application(m, enrollmentId);
      const cohort = await this.seats.lock(m, e.cohort_id);
      const [fresh] = await m.query(`SELECT status FROM enrollments WHERE id = $1`, [e.id]);
      if (fresh.status !== 'pending') throw new DomainError('APPLICATION_DECIDED');
      // The gate again: a certificate may have been revoked since the teacher applied.
      await this.ladder.assertMayEnter(e.user_id, { id: e.course_id, level: e.level }, m);
      const counts = await this.seats.counts(m, cohort.id);
      let status: 'active' | 'waitlisted';
      if (counts.seated < cohort.seats) status = 'active';
      else if (counts.waitlisted < cohort.waitlist_limit) status = 'waitlisted';
      else throw new DomainError('COHORT_FULL');
      await m.query(
        `UPDATE enrollments SET status = $2, decided_by = $3, decided_at = now(),
                waitlisted_at = CASE WHEN $2::varchar = 'waitlisted' THEN clock_timestamp() END
          WHERE id = $1`,
        [e.id, status, actor.id],
      );
      await this.record(
        m,
        actor,
        'enrollment.approve',
        e.id,
        { status: 'pending' },
        { status },
        'enrollment',
      );
    });
    return this.applicationView(enrollmentId);
  }

  async reject(actor: Actor, enrollmentId: string, reason: string): Promise<Application> {
    await this.ds.transaction(async (m) => {
      const e = await this.application(m, enrollmentId);
      await this.seats.lock(m, e.cohort_id);
      const [changed] = await updated(
        m,
        `UPDATE enrollments SET status = 'rejected', reason = $2, decided_by = $3,
                decided_at = now()
          WHERE id = $1 AND status IN ('pending', 'waitlisted') RETURNING id`,
        [e.id, reason, actor.id],
      );
      if (!changed) throw new DomainError('APPLICATION_DECIDED');
      await this.record(
        m,
        actor,
        'enrollment.reject',
        e.id,
        { status: e.status },
        { status: 'rejected', reason },
        'enrollment',
      );
    });
    return this.applicationView(enrollmentId);
  }

  /**
   * Moves a cohort, and every live enrolment in it, to the course's current published version.
   * Progress is kept by lesson and assessment keys and recomputed against the new version.
   */
  async migrate(actor: Actor, cohortId: string): Promise<Cohort> {
    await this.ds.transaction(async (m) => {
      const cohort = await this.seats.lock(m, cohortId);
      const [course] = await m.query(
        `SELECT published_version_id, published_number FROM courses WHERE id = $1`,
        [cohort.course_id],
      );
      const moved = await updated<{ id: string }>(
        m,
        `UPDATE enrollments SET version_id = $2
          WHERE cohort_id = $1 AND status IN ('pending', 'waitlisted', 'active', 'completed')
         RETURNING id`,
        [cohortId, course.published_version_id],
      );
      await m.query(`UPDATE cohorts SET version_id = $2 WHERE id = $1`, [
        cohortId,
        course.published_version_id,
      ]);
      await recomputeProgress(
        m,
        moved.map((r) => r.id),
      );
      await this.record(
        m,
        actor,
        'cohort.migrate',
        cohortId,
        { versionId: cohort.version_id },
        {
          versionId: course.published_version_id,
          version: course.published_number,
          enrollments: moved.length,
        },
      );
    });
    return this.get(cohortId);
  }

  /** The same for a MOOC's self-enrolled teachers (they have no cohort). */
  async migrateCourse(actor: Actor, slug: string): Promise<{ moved: number; version: number }> {
    return this.ds.transaction(async (m) => {
      const [course] = await m.query(
        `SELECT id, published_version_id, published_number FROM courses WHERE slug = $1 FOR UPDATE`,
        [slug],
      );
      if (!course) throw new DomainError('NOT_FOUND');
      if (!course.published_version_id) throw new DomainError('COURSE_NOT_PUBLISHED');
      const moved = await updated<{ id: string }>(
        m,
        `UPDATE enrollments SET version_id = $2
          WHERE course_id = $1 AND cohort_id IS NULL AND version_id <> $2
            AND status IN ('pending', 'waitlisted', 'active', 'completed')
         RETURNING id`,
        [course.id, course.published_version_id],
      );
      await recomputeProgress(
        m,
        moved.map((r) => r.id),
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'course.enrollments.migrate',
          targetType: 'course',
          targetId: slug,
          after: { version: course.published_number, enrollments: moved.length },
          requestId: actor.requestId,
        },
        m,
      );
      return { moved: moved.length, version: course.published_number };
    });
  }

  private async application(m: EntityManager, enrollmentId: string) {
    const [e] = await m.query(
      `SELECT e.id, e.user_id, e.course_id, e.cohort_id, e.status, c.level
         FROM enrollments e JOIN courses c ON c.id = e.course_id
        WHERE e.id = $1 AND e.cohort_id IS NOT NULL`,
      [enrollmentId],
    );
    if (!e) throw new DomainError('NOT_FOUND');
    return e;
  }

  private async applicationView(enrollmentId: string): Promise<Application> {
    const [r] = await this.ds.query(
      `${APPLICATION_SELECT} FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.id = $1`,
      [enrollmentId],
    );
    return toApplication(r);
  }

  private record(
    m: EntityManager,
    actor: Actor,
    action: string,
    targetId: string,
    before: Record<string, unknown> | undefined,
    after: Record<string, unknown>,
    targetType = 'cohort',
  ): Promise<void> {
    return this.audit.record(
      {
        actorId: actor.id,
        action,
        targetType,
        targetId,
        before,
        after,
        requestId: actor.requestId,
      },
      m,
    );
  }
}

function assertDates(startsOn: string, endsOn: string, opens: Date, closes: Date): void {
  if (endsOn < startsOn) throw DomainError.invalid('endsOn', 'cohort.ends-before-start');
  if (closes <= opens) throw DomainError.invalid('enrolmentClosesAt', 'cohort.window');
}

function toCohort(r: Record<string, never>): Cohort {
  return {
    id: r.id,
    code: r.code,
    courseSlug: r.course_slug,
    title: r.title,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    enrolmentOpensAt: (r.enrolment_opens_at as Date).toISOString(),
    enrolmentClosesAt: (r.enrolment_closes_at as Date).toISOString(),
    seats: r.seats,
    waitlistLimit: r.waitlist_limit,
    taken: r.taken,
    waitlisted: r.waitlisted,
    pending: r.pending,
    version: r.number,
  };
}

function toApplication(r: Record<string, never>): Application {
  return {
    id: r.id,
    userId: r.user_id,
    fullName: r.full_name,
    email: r.email,
    iin: r.iin,
    region: r.region,
    status: r.status,
    reason: r.reason,
    progress: Number(r.progress),
    createdAt: (r.created_at as Date).toISOString(),
    decidedAt: (r.decided_at as Date | null)?.toISOString() ?? null,
  };
}
