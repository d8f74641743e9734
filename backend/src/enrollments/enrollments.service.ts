import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  CourseKind,
  EnrollmentSummary,
  LadderLevel,
  Lang,
  MyEnrollment,
  TranslatableText,
} from '@qadam/contracts';
import { updated } from '../database/returning';
import { DomainError } from '../common/errors/domain-error';
import { violatedUniqueConstraint } from '../database/pg-errors';
import {
  CatalogService,
  ENROLLMENT_COLUMNS,
  EnrollmentRow,
  enrollmentSummary,
} from '../courses/catalog.service';
import { pickText } from '../courses/text';
import { LadderService } from '../ladder/ladder.service';
import { CohortSeats } from './cohort-seats';
import { recomputeProgress } from './progress';

interface MyEnrollmentRow extends EnrollmentRow {
  slug: string;
  title: TranslatableText;
  level: LadderLevel;
  kind: CourseKind;
}

interface CourseForEnrolment {
  id: string;
  slug: string;
  level: 'acquire' | 'deepen' | 'create';
  kind: 'mooc' | 'cohort' | 'profile';
  published_version_id: string | null;
}

/** A teacher's own enrolments: enrol or apply, leave, and progress through lessons. */
@Injectable()
export class EnrollmentsService {
  constructor(
    private readonly ds: DataSource,
    private readonly ladder: LadderService,
    private readonly catalog: CatalogService,
    private readonly seats: CohortSeats,
  ) {}

  /**
   * A MOOC enrols at once; a cohort or profile course takes an application to one of its
   * cohorts, decided by an admin. Both pass the ladder's gate first.
   */
  async enrol(userId: string, slug: string, cohortId?: string): Promise<EnrollmentSummary> {
    const course = await this.course(slug);
    const id = await this.ds.transaction(async (m) => {
      if (course.kind === 'mooc') {
        if (cohortId) throw new DomainError('NOT_FOUND');
        await this.ladder.assertMayEnter(userId, course, m);
        return this.insert(m, userId, course.id, course.published_version_id!, null, 'active');
      }
      const cohort = await this.seats.lock(m, await this.pickCohort(m, course.id, cohortId));
      if (cohort.course_id !== course.id) throw new DomainError('NOT_FOUND');
      const now = new Date();
      if (now < cohort.enrolment_opens_at || now >= cohort.enrolment_closes_at)
        throw new DomainError('ENROLMENT_CLOSED', {
          opens: cohort.enrolment_opens_at.toISOString().slice(0, 10),
          closes: cohort.enrolment_closes_at.toISOString().slice(0, 10),
        });
      await this.ladder.assertMayEnter(userId, course, m);
      await this.assertNotEnrolled(m, userId, course.id);
      const counts = await this.seats.counts(m, cohort.id);
      if (counts.seated >= cohort.seats && counts.waitlisted >= cohort.waitlist_limit)
        throw new DomainError('COHORT_FULL');
      return this.insert(m, userId, course.id, cohort.version_id, cohort.id, 'pending');
    });
    return this.summary(userId, course.id, slug, id);
  }

  /** Leaves a course; a seat it held goes to the head of the cohort's waitlist. */
  async withdraw(userId: string, enrollmentId: string): Promise<EnrollmentSummary> {
    const slug = await this.ds.transaction(async (m) => {
      const [e] = await m.query(
        `SELECT e.id, e.status, e.cohort_id, c.slug FROM enrollments e
           JOIN courses c ON c.id = e.course_id
          WHERE e.id = $1 AND e.user_id = $2`,
        [enrollmentId, userId],
      );
      if (!e) throw new DomainError('NOT_FOUND');
      if (e.cohort_id) await this.seats.lock(m, e.cohort_id);
      const [changed] = await updated(
        m,
        `UPDATE enrollments SET status = 'withdrawn', withdrawn_at = now()
          WHERE id = $1 AND status IN ('pending', 'waitlisted', 'active')
         RETURNING id`,
        [enrollmentId],
      );
      if (!changed) throw new DomainError('CANNOT_WITHDRAW');
      if (e.cohort_id && e.status === 'active') await this.seats.promote(m, e.cohort_id, null);
      return e.slug as string;
    });
    const [row] = await this.ds.query(
      `SELECT ${ENROLLMENT_COLUMNS}
         FROM enrollments e JOIN course_versions v ON v.id = e.version_id WHERE e.id = $1`,
      [enrollmentId],
    );
    return enrollmentSummary(row, slug);
  }

  async mine(userId: string, lang: Lang): Promise<MyEnrollment[]> {
    const rows = await this.ds.query(
      `SELECT ${ENROLLMENT_COLUMNS}, c.slug, c.title, c.level, c.kind
         FROM enrollments e
         JOIN courses c ON c.id = e.course_id
         JOIN course_versions v ON v.id = e.version_id
        WHERE e.user_id = $1
        ORDER BY e.created_at DESC`,
      [userId],
    );
    return rows.map((r: MyEnrollmentRow) => ({
      ...enrollmentSummary(r, r.slug),
      courseTitle: pickText(r.title, lang),
      level: r.level,
      kind: r.kind,
    }));
  }

  /** Marks a lesson done (idempotent) and returns the enrolment with its new progress. */
  async completeLesson(userId: string, slug: string, lessonId: string): Promise<EnrollmentSummary> {
    const course = await this.catalog.courseBySlug(slug);
    if (!course) throw new DomainError('NOT_FOUND');
    const enrollment = await this.catalog.liveEnrollment(userId, course.id);
    if (!enrollment || !['active', 'completed'].includes(enrollment.status))
      throw new DomainError('NOT_ENROLLED');
    await this.ds.transaction(async (m) => {
      const [lesson] = await m.query(`SELECT key FROM lessons WHERE id = $1 AND version_id = $2`, [
        lessonId,
        enrollment.version_id,
      ]);
      if (!lesson) throw new DomainError('NOT_FOUND');
      await m.query(
        `INSERT INTO lesson_progress (enrollment_id, lesson_key, completed_at)
         VALUES ($1, $2, now()) ON CONFLICT DO NOTHING`,
        [enrollment.id, lesson.key],
      );
      await recomputeProgress(m, [enrollment.id]);
    });
    return this.summary(userId, course.id, slug, enrollment.id);
  }

  /**
   * The assessment engine reports an enrolment's best result over its graded attempts at one of
   * its course's assessments (after a regrade it may be lower than before); a pass counts
   * towards completion. Runs in the engine's transaction.
   */
  async recordAssessmentResult(
    m: EntityManager,
    enrollmentId: string,
    assessmentKey: string,
    scorePercent: number,
    passed: boolean,
  ): Promise<void> {
    await m.query(
      `INSERT INTO assessment_progress (enrollment_id, assessment_key, best_score, passed_at, updated_at)
       VALUES ($1, $2, $3, CASE WHEN $4 THEN now() END, now())
       ON CONFLICT (enrollment_id, assessment_key) DO UPDATE
          SET best_score = EXCLUDED.best_score,
              passed_at = CASE WHEN $4 THEN coalesce(assessment_progress.passed_at, now()) END,
              updated_at = now()`,
      [enrollmentId, assessmentKey, scorePercent, passed],
    );
    await recomputeProgress(m, [enrollmentId]);
  }

  private async course(slug: string): Promise<CourseForEnrolment> {
    const [course] = await this.ds.query(
      `SELECT id, slug, level, kind, published_version_id FROM courses WHERE slug = $1`,
      [slug],
    );
    if (!course || !course.published_version_id) throw new DomainError('NOT_FOUND');
    return course;
  }

  /** The cohort asked for, or the only one open now; else the teacher must choose. */
  private async pickCohort(m: EntityManager, courseId: string, cohortId?: string): Promise<string> {
    if (cohortId) return cohortId;
    const open: { id: string }[] = await m.query(
      `SELECT id FROM cohorts WHERE course_id = $1
          AND now() >= enrolment_opens_at AND now() < enrolment_closes_at`,
      [courseId],
    );
    if (open.length !== 1) throw new DomainError('COHORT_REQUIRED');
    return open[0].id;
  }

  private async assertNotEnrolled(m: EntityManager, userId: string, courseId: string) {
    const [live] = await m.query(
      `SELECT 1 FROM enrollments WHERE user_id = $1 AND course_id = $2
          AND status IN ('pending', 'waitlisted', 'active', 'completed')`,
      [userId, courseId],
    );
    if (live) throw new DomainError('ALREADY_ENROLLED');
  }

  private async insert(
    m: EntityManager,
    userId: string,
    courseId: string,
    versionId: string,
    cohortId: string | null,
    status: 'active' | 'pending',
  ): Promise<string> {
    try {
      const [row] = await m.query(
        `INSERT INTO enrollments (user_id, course_id, version_id, cohort_id, status, source)
         VALUES ($1, $2, $3, $4, $5, 'self') RETURNING id`,
        [userId, courseId, versionId, cohortId, status],
      );
      return row.id;
    } catch (e) {
      if (violatedUniqueConstraint(e)) throw new DomainError('ALREADY_ENROLLED');
      throw e;
    }
  }

  private async summary(
    userId: string,
    courseId: string,
    slug: string,
    id: string,
  ): Promise<EnrollmentSummary> {
    const row = await this.catalog.liveEnrollment(userId, courseId);
    if (!row || row.id !== id) throw new DomainError('NOT_FOUND');
    return enrollmentSummary(row, slug);
  }
}
