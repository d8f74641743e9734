import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  AttemptResult,
  GradingTask,
  HandGradedItem,
  ItemDefinition,
  Lang,
  Page,
} from '@qadam/contracts';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { pickText } from '../courses/text';
import type { Actor } from '../ladder/ladder.service';
import { AttemptGrader, resultOf } from './attempt-grader';
import { syncRubricEvidence } from '../competencies/evidence';
import { RUBRIC_RULE_MESSAGES, scoreRubric } from './items/grading';

/**
 * The grading queue: essays and practical tasks of submitted attempts, graded with their
 * rubrics by admins and assessors. Graders see the answer, not who wrote it. The last grade of
 * an attempt makes its result final.
 */
@Injectable()
export class GradingService {
  constructor(
    private readonly ds: DataSource,
    private readonly grader: AttemptGrader,
    private readonly audit: AuditService,
  ) {}

  async queue(
    q: { page: number; pageSize: number; assessmentId?: string },
    lang: Lang,
  ): Promise<Page<GradingTask>> {
    const waiting = `
         FROM responses r
         JOIN attempts a ON a.id = r.attempt_id
         JOIN attempt_items ai ON ai.attempt_id = r.attempt_id
                              AND ai.item_version_id = r.item_version_id
         JOIN item_versions v ON v.id = r.item_version_id
         JOIN course_assessments ca ON ca.id = a.assessment_id
         JOIN course_versions cv ON cv.id = ca.version_id
         JOIN courses c ON c.id = cv.course_id
        WHERE r.needs_grading AND a.status = 'submitted'
          AND ($1::uuid IS NULL OR a.assessment_id = $1)`;
    // Counted apart from the page: a page past the end still says how many are waiting.
    const [rows, [{ total }]] = await Promise.all([
      this.ds.query(
        `SELECT r.attempt_id, r.item_version_id, a.assessment_id, ca.title, c.slug, a.submitted_at,
                v.definition, r.response, ai.points
           ${waiting}
          ORDER BY a.submitted_at, r.attempt_id, ai.position
          LIMIT $2 OFFSET $3`,
        [q.assessmentId ?? null, q.pageSize, (q.page - 1) * q.pageSize],
      ),
      this.ds.query(`SELECT count(*)::int AS total ${waiting}`, [q.assessmentId ?? null]),
    ]);
    return {
      items: rows.map(
        (r: {
          attempt_id: string;
          item_version_id: string;
          assessment_id: string;
          title: Record<string, string>;
          slug: string;
          submitted_at: Date;
          definition: HandGradedItem;
          response: string;
          points: string;
        }) => ({
          attemptId: r.attempt_id,
          itemId: r.item_version_id,
          assessmentId: r.assessment_id,
          assessmentTitle: pickText(r.title, lang),
          courseSlug: r.slug,
          submittedAt: new Date(r.submitted_at).toISOString(),
          prompt: pickText(r.definition.prompt, lang),
          response: typeof r.response === 'string' ? r.response : JSON.stringify(r.response),
          rubric: r.definition.rubric,
          points: Number(r.points),
        }),
      ),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /**
   * Grades one answer with a level per rubric criterion. Grading again (a second look) is
   * allowed and regrades the attempt; both are audited.
   */
  async grade(
    actor: Actor,
    attemptId: string,
    itemId: string,
    levels: Record<string, string>,
    comment: string | null,
  ): Promise<AttemptResult> {
    return this.ds.transaction(async (m) => {
      // One grader at a time per attempt, so the last grade finalises exactly once.
      const [attempt] = await m.query(`SELECT status FROM attempts WHERE id = $1 FOR UPDATE`, [
        attemptId,
      ]);
      if (!attempt) throw new DomainError('NOT_FOUND');
      const [row] = await m.query(
        `SELECT r.needs_grading, r.rubric_levels, r.fraction, v.definition
           FROM responses r JOIN item_versions v ON v.id = r.item_version_id
          WHERE r.attempt_id = $1 AND r.item_version_id = $2`,
        [attemptId, itemId],
      );
      const definition = row?.definition as ItemDefinition | undefined;
      if (
        attempt.status === 'in_progress' ||
        !definition ||
        (definition.type !== 'essay' && definition.type !== 'task') ||
        (!row.needs_grading && !row.rubric_levels)
      ) {
        throw new DomainError('NOT_AWAITING_GRADE');
      }
      const scored = scoreRubric(definition, levels);
      if (scored.problem) {
        throw new DomainError('VALIDATION_FAILED', {}, [
          {
            field: 'levels',
            rule: scored.problem.rule,
            params: scored.problem.params,
            message: RUBRIC_RULE_MESSAGES[scored.problem.rule],
          },
        ]);
      }
      await m.query(
        `UPDATE responses SET fraction = $3, rubric_levels = $4, comment = $5, needs_grading = false,
                graded_by = $6, graded_at = now()
          WHERE attempt_id = $1 AND item_version_id = $2`,
        [attemptId, itemId, scored.fraction, levels, comment, actor.id],
      );
      await syncRubricEvidence(m, attemptId, itemId, definition, levels);
      await this.audit.record(
        {
          actorId: actor.id,
          action: row.rubric_levels ? 'response.regrade' : 'response.grade',
          targetType: 'attempt',
          targetId: attemptId,
          before: row.rubric_levels
            ? { itemId, levels: row.rubric_levels, fraction: Number(row.fraction) }
            : undefined,
          after: { itemId, levels, fraction: scored.fraction, comment },
          requestId: actor.requestId,
        },
        m,
      );
      const [waiting] = await m.query(
        `SELECT count(*)::int AS n FROM responses WHERE attempt_id = $1 AND needs_grading`,
        [attemptId],
      );
      if (waiting.n > 0) {
        const [a] = await m.query(`SELECT * FROM attempts WHERE id = $1`, [attemptId]);
        return resultOf(a);
      }
      return resultOf(await this.grader.finalize(m, attemptId));
    });
  }
}
