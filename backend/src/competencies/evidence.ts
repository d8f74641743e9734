import { EntityManager } from 'typeorm';
import type { EvidenceSource, ItemDefinition } from '@qadam/contracts';

export interface EvidenceInput {
  userId: string;
  competencyCode: string;
  level: string | null;
  sourceType: EvidenceSource;
  sourceId: string;
  score?: number | null;
  recordedBy?: string | null;
  reason?: string | null;
}

/**
 * Writes evidence in the caller's transaction. A fact already recorded is left as it is (the
 * unique key); a code no framework knows is skipped, so a course tagged before a framework
 * changed cannot break grading. Returns the ids written.
 */
export async function recordEvidence(m: EntityManager, rows: EvidenceInput[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const written: { id: string }[] = await m.query(
    `INSERT INTO competency_evidence (user_id, competency_code, level, source_type, source_id,
                                      score, recorded_by, reason)
     SELECT r."userId", r."competencyCode", r.level, r."sourceType", r."sourceId", r.score,
            r."recordedBy", r.reason
       FROM jsonb_to_recordset($1::jsonb) AS r("userId" uuid, "competencyCode" text, level text,
            "sourceType" text, "sourceId" text, score numeric, "recordedBy" uuid, reason text)
       JOIN competencies c ON c.code = r."competencyCode"
     ON CONFLICT (user_id, competency_code, source_type, source_id) DO NOTHING
     RETURNING id`,
    [JSON.stringify(rows)],
  );
  return written.map((r) => r.id);
}

/** Annuls live evidence of some facts (by the system when `by` is null), with a reason. */
export async function annulEvidence(
  m: EntityManager,
  where: {
    sourceType: EvidenceSource;
    sourceIds?: string[];
    sourcePrefix?: string;
    ids?: string[];
  },
  reason: string,
  by: string | null,
  keep: { competencyCode: string; sourceId: string }[] = [],
): Promise<string[]> {
  const rows: [{ id: string }[], number] = await m.query(
    `UPDATE competency_evidence ev
        SET annulled_at = now(), annulled_by = $5, annul_reason = $6
      WHERE ev.annulled_at IS NULL AND ev.source_type = $1
        AND ($2::text[] IS NULL OR ev.source_id = ANY($2))
        AND ($3::text IS NULL OR starts_with(ev.source_id, $3))
        AND ($4::uuid[] IS NULL OR ev.id = ANY($4))
        AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($7::jsonb)
                          AS k("competencyCode" text, "sourceId" text)
                         WHERE k."competencyCode" = ev.competency_code
                           AND k."sourceId" = ev.source_id)
      RETURNING ev.id`,
    [
      where.sourceType,
      where.sourceIds ?? null,
      where.sourcePrefix ?? null,
      where.ids ?? null,
      by,
      reason,
      JSON.stringify(keep),
    ],
  );
  return rows[0].map((r) => r.id);
}

/**
 * (a) Section results at or above their threshold become evidence; after a regrade, evidence of
 * this attempt's sections that no longer reach it is annulled.
 */
export async function syncSectionEvidence(
  m: EntityManager,
  attemptId: string,
  { regrade }: { regrade: boolean },
): Promise<void> {
  const qualifying: {
    user_id: string;
    competency: string;
    section_key: string;
    level: string;
    percent: number;
  }[] = await m.query(
    `SELECT a.user_id, s.competency, s.section_key, co.level,
              round(s.score * 100 / s.max_score, 2)::float AS percent
         FROM attempt_section_results s
         JOIN attempts a ON a.id = s.attempt_id
         JOIN enrollments e ON e.id = a.enrollment_id
         JOIN courses co ON co.id = e.course_id
        WHERE s.attempt_id = $1 AND s.max_score > 0
          AND s.score * 100 >= s.threshold * s.max_score`,
    [attemptId],
  );
  const rows = qualifying.map((q) => ({
    userId: q.user_id,
    competencyCode: q.competency,
    level: q.level,
    sourceType: 'section' as const,
    sourceId: `${attemptId}/${q.section_key}`,
    score: q.percent,
  }));
  if (regrade) {
    await annulEvidence(
      m,
      { sourceType: 'section', sourcePrefix: `${attemptId}/` },
      'regraded below the threshold',
      null,
      rows,
    );
  }
  await recordEvidence(m, rows);
}

type Rubric = {
  criteria: {
    id?: string;
    competencies?: string[];
    levels: { id?: string; points: number; meets?: boolean }[];
  }[];
};

/**
 * (b) A rubric criterion graded at or above its "meets" level is evidence of the criterion's
 * competencies (or the item's, when the criterion names none); a regrade below it annuls that
 * evidence.
 */
export async function syncRubricEvidence(
  m: EntityManager,
  attemptId: string,
  itemVersionId: string,
  definition: ItemDefinition,
  levels: Record<string, string>,
): Promise<void> {
  const rubric = (definition as { rubric?: Rubric }).rubric;
  if (!rubric) return;
  const [who] = await m.query(
    `SELECT a.user_id, co.level FROM attempts a
       JOIN enrollments e ON e.id = a.enrollment_id JOIN courses co ON co.id = e.course_id
      WHERE a.id = $1`,
    [attemptId],
  );
  const rows: EvidenceInput[] = [];
  for (const criterion of rubric.criteria) {
    // The lowest level that meets the criterion is the bar.
    const meets = criterion.levels
      .filter((l) => l.meets)
      .reduce<{ points: number } | undefined>(
        (low, l) => (!low || l.points < low.points ? l : low),
        undefined,
      );
    const chosen = criterion.levels.find((l) => l.id === levels[criterion.id ?? '']);
    if (!meets || !chosen || chosen.points < meets.points) continue;
    const top = Math.max(...criterion.levels.map((l) => l.points));
    // A criterion without competencies of its own evidences the item's.
    const codes = criterion.competencies?.length ? criterion.competencies : definition.competencies;
    for (const code of codes) {
      rows.push({
        userId: who.user_id,
        competencyCode: code,
        level: who.level,
        sourceType: 'rubric',
        sourceId: `${attemptId}/${itemVersionId}/${criterion.id}`,
        score: top > 0 ? Math.round((chosen.points / top) * 10000) / 100 : null,
      });
    }
  }
  await annulEvidence(
    m,
    { sourceType: 'rubric', sourcePrefix: `${attemptId}/${itemVersionId}/` },
    'regraded below "meets"',
    null,
    rows,
  );
  await recordEvidence(m, rows);
}
