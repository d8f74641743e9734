import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AttemptResult, ItemDefinition, ItemResponse } from '@qadam/contracts';
import { updated } from '../database/returning';
import { EnrollmentsService } from '../enrollments/enrollments.service';
import { AssessmentDefs } from './assessment-defs';
import { gradeObjective } from './items/grading';
import { requestCertificates } from '../certificates/certificate-requests';
import { syncSectionEvidence } from '../competencies/evidence';

/** The attempt columns results are read from. */
export interface AttemptRow {
  id: string;
  user_id: string;
  enrollment_id: string;
  assessment_id: string;
  assessment_key: string;
  status: AttemptResult['status'];
  score: string | null;
  max_score: string;
  percent: string | null;
  passed: boolean | null;
}

export function resultOf(a: AttemptRow): AttemptResult {
  return {
    score: a.score === null ? null : Number(a.score),
    maxScore: Number(a.max_score),
    percent: a.percent === null ? null : Number(a.percent),
    passed: a.passed,
    status: a.status,
  };
}

/** The columns of `AttemptRow`. */
export const ATTEMPT_COLUMNS = `id, user_id, enrollment_id, assessment_id, assessment_key, status, score,
  max_score, percent, passed`;

/** An attempt's item as the result is computed from it. */
interface GradedItem {
  section_key: string;
  points: string;
  fraction: string | null;
  competencies: string[];
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/**
 * Closes and grades attempts: objective items when the attempt closes, the result when every
 * hand-graded part has a grade, and again whenever a grade or an answer key changes. The result,
 * the section results, the enrolment's progress and a passed final's pending certificate (with its outbox row) are written in
 * one transaction.
 */
@Injectable()
export class AttemptGrader {
  private readonly log = new Logger(AttemptGrader.name);

  constructor(
    private readonly ds: DataSource,
    private readonly defs: AssessmentDefs,
    private readonly enrollments: EnrollmentsService,
  ) {}

  /**
   * Closes an open attempt (the teacher's submit, or the deadline) and grades what was saved.
   * Returns the attempt as it stands after; null when it was not open (or not the owner's).
   */
  async close(
    attemptId: string,
    by: 'teacher' | 'deadline',
    ownerId: string | null,
  ): Promise<AttemptRow | null> {
    return this.ds.transaction(async (m) => {
      // The row lock waits for any answer being saved (saves hold a share lock on the attempt),
      // so grading sees every answer that was accepted, and none is accepted after.
      const [closed] = await updated<AttemptRow>(
        m,
        `UPDATE attempts
            SET status = 'submitted', submitted_at = now(),
                closed_by = CASE WHEN $2 = 'teacher' AND deadline IS NOT NULL AND deadline <= now()
                                 THEN 'deadline' ELSE $2 END
          WHERE id = $1 AND status = 'in_progress' AND ($3::uuid IS NULL OR user_id = $3)
          RETURNING ${ATTEMPT_COLUMNS}`,
        [attemptId, by, ownerId],
      );
      if (!closed) return null;
      const graded = await this.gradeObjectiveItems(m, attemptId);
      if (graded.waiting > 0) return closed;
      return this.finalize(m, attemptId, { attempt: closed, items: graded.items, first: true });
    });
  }

  /**
   * Grades every saved answer of an objective item; hand-graded answers go to the queue.
   * Returns how many wait for a grader, and the items as `finalize` needs them.
   */
  async gradeObjectiveItems(
    m: EntityManager,
    attemptId: string,
  ): Promise<{ waiting: number; items: GradedItem[] }> {
    const rows: (GradedItem & {
      item_version_id: string;
      definition: ItemDefinition;
      response: ItemResponse;
      rubric_levels: unknown;
    })[] = await m.query(
      `SELECT ai.item_version_id, ai.section_key, ai.points, v.definition, r.response,
              r.fraction, r.rubric_levels
         FROM attempt_items ai
         JOIN item_versions v ON v.id = ai.item_version_id
         LEFT JOIN responses r ON r.attempt_id = ai.attempt_id
                              AND r.item_version_id = ai.item_version_id
        WHERE ai.attempt_id = $1`,
      [attemptId],
    );
    const grades = rows.map((r) => {
      const graded = gradeObjective(r.definition, r.response ?? null);
      const answered = r.response !== null && r.response !== undefined && r.response !== '';
      if (graded) return { id: r.item_version_id, fraction: graded.fraction, needs: false };
      // A grader's grade stands; an essay left blank scores nothing without troubling one.
      if (r.rubric_levels)
        return { id: r.item_version_id, fraction: Number(r.fraction), needs: false };
      return { id: r.item_version_id, fraction: answered ? null : 0, needs: answered };
    });
    await m.query(
      `INSERT INTO responses (attempt_id, item_version_id, fraction, needs_grading)
       SELECT $1, g.id, g.fraction, g.needs
         FROM jsonb_to_recordset($2::jsonb) AS g(id uuid, fraction numeric, needs boolean)
       ON CONFLICT (attempt_id, item_version_id) DO UPDATE
          SET fraction = EXCLUDED.fraction, needs_grading = EXCLUDED.needs_grading`,
      [attemptId, JSON.stringify(grades)],
    );
    return {
      waiting: grades.filter((g) => g.needs).length,
      items: rows.map((r, i) => ({
        section_key: r.section_key,
        points: r.points,
        fraction: grades[i].fraction === null ? null : String(grades[i].fraction),
        competencies: r.definition.competencies,
      })),
    };
  }

  /**
   * Computes the result from the graded answers. Call with the attempt closed and nothing
   * waiting for a grader; safe to call again (regrades).
   */
  async finalize(
    m: EntityManager,
    attemptId: string,
    known?: { attempt: AttemptRow; items: GradedItem[]; first: boolean },
  ): Promise<AttemptRow> {
    // On close the caller has just read both; a regrade or a grader reads them again.
    const rows: GradedItem[] =
      known?.items ??
      (await m.query(
        `SELECT ai.section_key, ai.points, r.fraction,
                ARRAY(SELECT jsonb_array_elements_text(v.definition -> 'competencies'))
                  AS competencies
           FROM attempt_items ai
           JOIN item_versions v ON v.id = ai.item_version_id
           LEFT JOIN responses r ON r.attempt_id = ai.attempt_id
                                AND r.item_version_id = ai.item_version_id
          WHERE ai.attempt_id = $1`,
        [attemptId],
      ));
    const attempt: AttemptRow =
      known?.attempt ??
      (await m.query(`SELECT ${ATTEMPT_COLUMNS} FROM attempts WHERE id = $1`, [attemptId]))[0];
    const def = (await this.defs.get(attempt.assessment_id))!;
    let score = 0;
    let max = 0;
    const perSection = new Map<string, { score: number; max: number }>();
    for (const r of rows) {
      const points = Number(r.points);
      const got = Number(r.fraction ?? 0) * points;
      score += got;
      max += points;
      for (const c of r.competencies) {
        const k = `${r.section_key}\u0000${c}`;
        const acc = perSection.get(k) ?? { score: 0, max: 0 };
        acc.score += got;
        acc.max += points;
        perSection.set(k, acc);
      }
    }
    score = round(score, 3);
    const percent = max > 0 ? round((score / max) * 100, 2) : 0;
    const passed = percent >= def.passMark;
    const thresholds = new Map(def.sections.map((s) => [s.key, s.threshold ?? def.passMark]));

    const [graded] = await updated<AttemptRow>(
      m,
      `UPDATE attempts SET status = 'graded', score = $2, percent = $3, passed = $4,
              graded_at = now()
        WHERE id = $1 RETURNING ${ATTEMPT_COLUMNS}`,
      [attemptId, score, percent, passed],
    );
    if (!known?.first) {
      await m.query(`DELETE FROM attempt_section_results WHERE attempt_id = $1`, [attemptId]);
    }
    const sectionRows = [...perSection.entries()].map(([k, v]) => {
      const [section, competency] = k.split('\u0000');
      return {
        section,
        competency,
        score: round(v.score, 3),
        max: round(v.max, 3),
        threshold: thresholds.get(section) ?? def.passMark,
      };
    });
    if (sectionRows.length > 0) {
      await m.query(
        `INSERT INTO attempt_section_results (attempt_id, section_key, competency, score, max_score,
                                              threshold)
         SELECT $1, s.section, s.competency, s.score, s.max, s.threshold
           FROM jsonb_to_recordset($2::jsonb)
             AS s(section text, competency text, score numeric, max numeric, threshold int)`,
        [attemptId, JSON.stringify(sectionRows)],
      );
    }

    // A first close has no earlier evidence to annul: one statement fewer on the submit path.
    await syncSectionEvidence(m, attemptId, { regrade: !known?.first });

    // The enrolment keeps its best graded attempt; a regrade may lower it.
    const [best] = await m.query(
      `SELECT max(percent)::float AS best, bool_or(passed) AS passed FROM attempts
        WHERE enrollment_id = $1 AND assessment_key = $2 AND status = 'graded'`,
      [attempt.enrollment_id, attempt.assessment_key],
    );
    await this.enrollments.recordAssessmentResult(
      m,
      attempt.enrollment_id,
      attempt.assessment_key,
      best.best ?? 0,
      best.passed === true,
    );

    if (passed && def.kind === 'final') {
      // Once per teacher and course: a second pass (or a regrade) asks for no second certificate.
      const created = await requestCertificates(
        m,
        [
          {
            userId: attempt.user_id,
            courseId: def.courseId,
            enrollmentId: attempt.enrollment_id,
            attemptId,
          },
        ],
        { source: 'assessment' },
      );
      if (created.length > 0) this.log.log(`final passed: certificate ${created[0]} requested`);
    }
    return graded;
  }
}
