import { Injectable } from '@nestjs/common';
import type {
  LadderLevel,
  Recommendation,
  TrajectoryRuleView,
  TranslatableText,
} from '@qadam/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import type { Actor } from './competencies.service';
import { recommend, type Rung, type Situation, type TrajectoryRule } from './trajectory';
import { validateRule } from './trajectory-rules';

const RUNGS: Rung[] = ['none', 'acquire', 'deepen', 'create'];

/**
 * The development trajectory: the teacher's situation (rung, school, subjects, grades, gaps in
 * evidence) read from the database, the rules applied as the pure `recommend` does, and
 * dismissals kept. Nothing is scored: every recommendation names its rule and its reasons.
 */
@Injectable()
export class TrajectoryService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async rules(): Promise<TrajectoryRuleView[]> {
    return (await this.rows()).map((r) => ({
      ...r.definition,
      enabled: r.definition.enabled !== false,
      source: r.source,
      updatedAt: r.updated_at.toISOString(),
    }));
  }

  private async rows(): Promise<
    { definition: TrajectoryRule; source: 'bundled' | 'admin'; updated_at: Date }[]
  > {
    return this.ds.query(
      `SELECT definition, source, updated_at FROM trajectory_rules
        ORDER BY (definition ->> 'priority')::int, key`,
    );
  }

  /** An admin switches a rule off or on, reorders or rewords it; audited. */
  async updateRule(
    actor: Actor,
    key: string,
    patch: { enabled?: boolean; priority?: number; because?: TranslatableText },
  ): Promise<TrajectoryRuleView> {
    await this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `SELECT definition FROM trajectory_rules WHERE key = $1 FOR UPDATE`,
        [key],
      );
      if (!row) throw new DomainError('NOT_FOUND');
      const next: unknown = { ...row.definition, ...patch };
      if (!validateRule(next)) {
        throw new DomainError('VALIDATION_FAILED', {}, [{ field: 'because', rule: 'required' }]);
      }
      await m.query(
        `UPDATE trajectory_rules SET definition = $2, source = 'admin', updated_by = $3,
                updated_at = now() WHERE key = $1`,
        [key, next, actor.id],
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'trajectory.rule.update',
          targetType: 'trajectory_rule',
          targetId: null,
          before: {
            key,
            enabled: row.definition.enabled,
            priority: row.definition.priority,
            because: row.definition.because,
          },
          after: { key, ...patch },
          requestId: actor.requestId,
        },
        m,
      );
    });
    return (await this.rules()).find((r) => r.key === key)!;
  }

  async recommendations(userId: string): Promise<Recommendation[]> {
    const [user] = await this.ds.query(
      `SELECT school_kind, subjects, grades,
              ARRAY(SELECT DISTINCT level FROM certificates
                     WHERE user_id = u.id AND status = 'issued') AS levels,
              ARRAY(SELECT co.slug FROM enrollments e JOIN courses co ON co.id = e.course_id
                     WHERE e.user_id = u.id
                       AND e.status IN ('pending', 'waitlisted', 'active', 'completed')
                    UNION
                    SELECT co.slug FROM certificates c JOIN courses co ON co.id = c.course_id
                     WHERE c.user_id = u.id AND c.status <> 'revoked') AS taken,
              ARRAY(SELECT recommendation_id FROM recommendation_dismissals
                     WHERE user_id = u.id) AS dismissed
         FROM users u WHERE u.id = $1`,
      [userId],
    );
    if (!user) throw new DomainError('NOT_FOUND');
    const rung = RUNGS.reduce<Rung>(
      (top, r) => ((user.levels as string[]).includes(r) ? r : top),
      'none',
    );
    const target: LadderLevel = rung === 'none' ? 'acquire' : rung;
    const [gaps, courses, rules] = await Promise.all([
      this.ds.query(
        `SELECT c.code, c.name FROM competencies c
          WHERE c.framework_code = 'unesco-cft' AND c.kind = 'block' AND c.level = $2
            AND NOT EXISTS (SELECT 1 FROM competency_evidence e
                             WHERE e.user_id = $1 AND e.competency_code = c.code
                               AND e.annulled_at IS NULL)
          ORDER BY c.position`,
        [userId, target],
      ) as Promise<{ code: string; name: TranslatableText }[]>,
      this.ds.query(
        `SELECT slug, level, kind, title FROM courses WHERE published_version_id IS NOT NULL`,
      ),
      this.rows().then((rows) => rows.map((r) => r.definition)),
    ]);
    const lessons = gaps.length
      ? await this.ds.query(
          `SELECT co.slug AS "courseSlug", co.title AS "courseTitle", l.key, l.title, l.competencies
             FROM lessons l JOIN courses co ON co.published_version_id = l.version_id
            WHERE l.competencies && $1::text[]
            ORDER BY co.level, co.slug, l.position LIMIT 100`,
          [gaps.map((g) => g.code)],
        )
      : [];
    const situation: Situation = {
      rung,
      schoolKind: user.school_kind,
      subjects: user.subjects,
      grades: user.grades,
      gaps,
      taken: new Set(user.taken),
      dismissed: new Set(user.dismissed),
    };
    return recommend(rules, situation, courses, lessons);
  }

  async dismiss(userId: string, recommendationId: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO recommendation_dismissals (user_id, recommendation_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING`,
      [userId, recommendationId],
    );
  }
}
