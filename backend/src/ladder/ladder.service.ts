import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { LadderException, LadderLevel, LocalizedText } from '@qadam/contracts';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { violatedUniqueConstraint } from '../database/pg-errors';
import { joinMissing, LadderFacts, missingPrerequisites, VALID_CERTIFICATE } from './prerequisites';

export interface Actor {
  id: string;
  requestId: string | null;
}

interface FactsRow {
  user_id: string;
  course_id: string;
  subjects: string[];
  certified: LadderLevel[];
  exception: boolean;
}

/** The ladder's gates, read from the certificates (the source of truth) and admins' exceptions. */
@Injectable()
export class LadderService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Facts for many (teacher, course) pairs in one query; keyed `userId:courseId`. */
  async facts(
    pairs: { userId: string; courseId: string }[],
    manager: EntityManager = this.ds.manager,
  ): Promise<Map<string, LadderFacts>> {
    if (pairs.length === 0) return new Map();
    const rows: FactsRow[] = await manager.query(
      `SELECT p.user_id, p.course_id, u.subjects,
              ARRAY(SELECT DISTINCT c.level FROM certificates c
                     WHERE c.user_id = p.user_id AND ${VALID_CERTIFICATE}) AS certified,
              EXISTS (SELECT 1 FROM ladder_exceptions e
                       WHERE e.user_id = p.user_id AND e.course_id = p.course_id) AS exception
         FROM unnest($1::uuid[], $2::uuid[]) AS p(user_id, course_id)
         JOIN users u ON u.id = p.user_id`,
      [pairs.map((p) => p.userId), pairs.map((p) => p.courseId)],
    );
    return new Map(
      rows.map((r) => [
        `${r.user_id}:${r.course_id}`,
        { certified: r.certified, subjects: r.subjects, exception: r.exception },
      ]),
    );
  }

  /** What this teacher lacks for this course (empty when they may enter). */
  async missing(
    userId: string,
    course: { id: string; level: LadderLevel },
    manager?: EntityManager,
  ): Promise<LocalizedText[]> {
    const facts = (await this.facts([{ userId, courseId: course.id }], manager)).get(
      `${userId}:${course.id}`,
    );
    if (!facts) throw new DomainError('NOT_FOUND');
    return missingPrerequisites(course.level, facts);
  }

  /** Throws 409 LADDER_PREREQUISITE naming what is missing. */
  async assertMayEnter(
    userId: string,
    course: { id: string; level: LadderLevel },
    manager?: EntityManager,
  ): Promise<void> {
    const missing = await this.missing(userId, course, manager);
    if (missing.length) throw prerequisiteError(missing);
  }

  async grantException(
    actor: Actor,
    input: { userId: string; courseSlug: string; reason: string },
  ): Promise<LadderException> {
    return this.ds.transaction(async (m) => {
      const [course] = await m.query(`SELECT id FROM courses WHERE slug = $1`, [input.courseSlug]);
      const [user] = await m.query(`SELECT id FROM users WHERE id = $1`, [input.userId]);
      if (!course) throw DomainError.invalid('courseSlug', 'course.unknown');
      if (!user) throw DomainError.invalid('userId', 'user.unknown');
      let row: { id: string; created_at: Date };
      try {
        [row] = await m.query(
          `INSERT INTO ladder_exceptions (user_id, course_id, reason, granted_by)
           VALUES ($1, $2, $3, $4) RETURNING id, created_at`,
          [input.userId, course.id, input.reason, actor.id],
        );
      } catch (e) {
        if (violatedUniqueConstraint(e)) throw DomainError.invalid('userId', 'exception.exists');
        throw e;
      }
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'ladder.exception.grant',
          targetType: 'user',
          targetId: input.userId,
          after: { courseSlug: input.courseSlug, reason: input.reason },
          requestId: actor.requestId,
        },
        m,
      );
      return {
        id: row.id,
        userId: input.userId,
        courseSlug: input.courseSlug,
        reason: input.reason,
        grantedBy: actor.id,
        createdAt: row.created_at.toISOString(),
      };
    });
  }

  async listExceptions(userId?: string): Promise<LadderException[]> {
    const rows: {
      id: string;
      user_id: string;
      slug: string;
      reason: string;
      granted_by: string;
      created_at: Date;
    }[] = await this.ds.query(
      `SELECT e.id, e.user_id, c.slug, e.reason, e.granted_by, e.created_at
         FROM ladder_exceptions e JOIN courses c ON c.id = e.course_id
        WHERE $1::uuid IS NULL OR e.user_id = $1
        ORDER BY e.created_at DESC LIMIT 500`,
      [userId ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      courseSlug: r.slug,
      reason: r.reason,
      grantedBy: r.granted_by,
      createdAt: r.created_at.toISOString(),
    }));
  }
}

export function prerequisiteError(missing: LocalizedText[]): DomainError {
  return new DomainError('LADDER_PREREQUISITE', { missing: joinMissing(missing) });
}
