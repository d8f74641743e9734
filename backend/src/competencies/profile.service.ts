import { Injectable } from '@nestjs/common';
import type {
  CompetencyProfile,
  CompetencyStatus,
  EvidenceRecord,
  EvidenceSource,
  ProfileBlock,
  TranslatableText,
} from '@qadam/contracts';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';

const UNESCO = 'unesco-cft';
const ISTE = 'iste-ed';

interface CompetencyRow {
  code: string;
  framework_code: string;
  kind: string;
  parent_code: string | null;
  level: string | null;
  name: TranslatableText;
}

interface EvidenceRow {
  id: string;
  competency_code: string;
  level: string | null;
  source_type: EvidenceSource;
  source_id: string;
  score: string | null;
  recorded_at: Date;
  reason: string | null;
}

export function evidenceRecord(r: EvidenceRow, via?: string): EvidenceRecord {
  return {
    id: r.id,
    competency: r.competency_code,
    ...(via ? { via } : {}),
    level: r.level,
    source: { type: r.source_type, id: r.source_id },
    score: r.score === null ? null : Number(r.score),
    recordedAt: r.recorded_at.toISOString(),
    reason: r.reason,
  };
}

/**
 * A teacher's competency profile, computed from live (not annulled) evidence every time, so an
 * annulment shows at once. Demonstrated: some evidence. In progress: no evidence yet, but the
 * teacher is in a course that claims the competency, or has a graded section on it below its
 * threshold. The ISTE view reads ISTE evidence directly, and UNESCO evidence through the
 * crosswalk (each record then says which UNESCO block it came through).
 */
@Injectable()
export class ProfileService {
  constructor(private readonly ds: DataSource) {}

  async profile(userId: string): Promise<CompetencyProfile> {
    const [user] = await this.ds.query(`SELECT 1 FROM users WHERE id = $1`, [userId]);
    if (!user) throw new DomainError('NOT_FOUND');
    const [frameworks, competencies, evidence, started, links] = await Promise.all([
      this.ds.query(`SELECT code, title FROM frameworks WHERE code = ANY($1)`, [[UNESCO, ISTE]]),
      this.ds.query(
        `SELECT code, framework_code, kind, parent_code, level, name FROM competencies
          WHERE framework_code = ANY($1) ORDER BY framework_code, position`,
        [[UNESCO, ISTE]],
      ) as Promise<CompetencyRow[]>,
      this.ds.query(
        `SELECT id, competency_code, level, source_type, source_id, score, recorded_at, reason
           FROM competency_evidence WHERE user_id = $1 AND annulled_at IS NULL
          ORDER BY recorded_at, id`,
        [userId],
      ) as Promise<EvidenceRow[]>,
      this.ds.query(
        `SELECT DISTINCT code FROM (
           SELECT unnest(co.competencies) AS code FROM enrollments e
             JOIN courses co ON co.id = e.course_id
            WHERE e.user_id = $1 AND e.status IN ('active', 'completed')
           UNION ALL
           SELECT s.competency FROM attempt_section_results s
             JOIN attempts a ON a.id = s.attempt_id WHERE a.user_id = $1
         ) x`,
        [userId],
      ) as Promise<{ code: string }[]>,
      this.ds.query(
        `SELECT l.from_code, l.to_code FROM competency_links l
           JOIN competencies f ON f.code = l.from_code AND f.framework_code = $1
           JOIN competencies t ON t.code = l.to_code AND t.framework_code = $2`,
        [UNESCO, ISTE],
      ) as Promise<{ from_code: string; to_code: string }[]>,
    ]);

    const byCode = new Map<string, EvidenceRow[]>();
    for (const e of evidence)
      byCode.set(e.competency_code, [...(byCode.get(e.competency_code) ?? []), e]);
    const touched = new Set(started.map((s) => s.code));
    const titleOf = new Map<string, TranslatableText>(
      frameworks.map((f: { code: string; title: TranslatableText }) => [f.code, f.title]),
    );
    const local = (code: string) => code.slice(code.indexOf(':') + 1);
    const status = (records: EvidenceRecord[], inProgress: boolean): CompetencyStatus =>
      records.length > 0 ? 'demonstrated' : inProgress ? 'in_progress' : 'none';

    const unescoBlocks: ProfileBlock[] = competencies
      .filter((c) => c.framework_code === UNESCO && c.kind === 'block')
      .map((c) => {
        const records = (byCode.get(c.code) ?? []).map((r) => evidenceRecord(r));
        return {
          code: c.code,
          aspect: c.parent_code ? local(c.parent_code) : null,
          level: c.level,
          name: c.name,
          status: status(records, touched.has(c.code)),
          evidence: records,
        };
      });
    const unescoByCode = new Map(unescoBlocks.map((b) => [b.code, b]));

    const toUnesco = new Map<string, string[]>();
    for (const l of links)
      toUnesco.set(l.to_code, [...(toUnesco.get(l.to_code) ?? []), l.from_code]);
    const isteBlocks: ProfileBlock[] = competencies
      .filter((c) => c.framework_code === ISTE && c.kind === 'indicator')
      .map((c) => {
        // Evidence on the indicator, on its standard, and through each linked UNESCO block.
        const direct = [
          ...(byCode.get(c.code) ?? []),
          ...(c.parent_code ? (byCode.get(c.parent_code) ?? []) : []),
        ].map((r) => evidenceRecord(r));
        const linked = toUnesco.get(c.code) ?? [];
        const via = linked.flatMap((u) => (byCode.get(u) ?? []).map((r) => evidenceRecord(r, u)));
        const inProgress =
          touched.has(c.code) ||
          (c.parent_code !== null && touched.has(c.parent_code)) ||
          linked.some((u) => unescoByCode.get(u)?.status === 'in_progress');
        const records = [...direct, ...via];
        return {
          code: c.code,
          aspect: c.parent_code ? local(c.parent_code) : null,
          level: null,
          name: c.name,
          status: status(records, inProgress),
          evidence: records,
        };
      });

    return {
      userId,
      frameworks: [
        { code: UNESCO, title: titleOf.get(UNESCO) ?? {}, blocks: unescoBlocks },
        { code: ISTE, title: titleOf.get(ISTE) ?? {}, blocks: isteBlocks },
      ],
    };
  }
}
