import { Injectable } from '@nestjs/common';
import type {
  AdminEvidenceRecord,
  CompetencyDetail,
  CompetencyView,
  CrosswalkLink,
  FrameworkSummary,
  FrameworkView,
  TranslatableText,
} from '@qadam/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { AggregatesService } from './aggregates';
import { annulEvidence, recordEvidence } from './evidence';
import { type FrameworkDocument, frameworkProblems } from './framework-document';
import { upsertFramework } from './framework-store';
import { evidenceRecord } from './profile.service';

export interface Actor {
  id: string;
  requestId?: string | null;
}

const COMPETENCY_COLUMNS = `code, framework_code, local_code, kind, parent_code, level, name,
  description, aliases, goals`;

interface CompetencyRow {
  code: string;
  framework_code: string;
  local_code: string;
  kind: string;
  parent_code: string | null;
  level: string | null;
  name: TranslatableText;
  description: TranslatableText;
  aliases: string[];
  goals: ({ code: string } & TranslatableText)[];
}

const view = (c: CompetencyRow): CompetencyView => ({
  code: c.code,
  framework: c.framework_code,
  localCode: c.local_code,
  kind: c.kind,
  parent: c.parent_code,
  level: c.level,
  name: c.name,
  description: c.description,
  aliases: c.aliases,
  goals: c.goals,
});

/** Frameworks, the crosswalk, and admins' recognitions and annulments of evidence. */
@Injectable()
export class CompetenciesService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly aggregates: AggregatesService,
  ) {}

  async frameworks(): Promise<FrameworkSummary[]> {
    const rows = await this.ds.query(
      `SELECT f.code, f.version, f.title, f.publisher, f.url, f.licence, f.source,
              (SELECT count(*)::int FROM competencies c WHERE c.framework_code = f.code) AS n
         FROM frameworks f ORDER BY f.source, f.code`,
    );
    return rows.map((f: Record<string, unknown>) => ({
      code: f.code,
      version: f.version,
      title: f.title,
      publisher: f.publisher,
      url: f.url,
      licence: f.licence,
      source: f.source,
      competencies: f.n,
    })) as FrameworkSummary[];
  }

  async framework(code: string): Promise<FrameworkView> {
    const summary = (await this.frameworks()).find((f) => f.code === code);
    if (!summary) throw new DomainError('NOT_FOUND');
    const [[meta], items] = await Promise.all([
      this.ds.query(`SELECT citation FROM frameworks WHERE code = $1`, [code]),
      this.ds.query(
        `SELECT ${COMPETENCY_COLUMNS} FROM competencies WHERE framework_code = $1 ORDER BY position`,
        [code],
      ),
    ]);
    return { ...summary, citation: meta.citation, items: items.map(view) };
  }

  /** A competency with its crosswalk links, both ways. */
  async competency(code: string): Promise<CompetencyDetail> {
    const [row] = await this.ds.query(
      `SELECT ${COMPETENCY_COLUMNS} FROM competencies WHERE code = $1`,
      [code],
    );
    if (!row) throw new DomainError('NOT_FOUND');
    const links = await this.ds.query(
      `SELECT l.from_code, l.to_code, l.note, o.code AS other, o.name AS other_name
         FROM competency_links l
         JOIN competencies o ON o.code = CASE WHEN l.from_code = $1 THEN l.to_code ELSE l.from_code END
        WHERE l.from_code = $1 OR l.to_code = $1
        ORDER BY o.framework_code, o.position`,
      [code],
    );
    return {
      ...view(row),
      crosswalk: links.map((l: Record<string, unknown>) => ({
        from: l.from_code as string,
        to: l.to_code as string,
        note: l.note as TranslatableText,
        other: { code: l.other as string, name: l.other_name as TranslatableText },
      })),
    };
  }

  /** Every link between two frameworks, in the direction asked (the crosswalk read both ways). */
  async crosswalk(from: string, to: string): Promise<CrosswalkLink[]> {
    const rows = await this.ds.query(
      `SELECT CASE WHEN f.framework_code = $1 THEN l.from_code ELSE l.to_code END AS a,
              CASE WHEN f.framework_code = $1 THEN l.to_code ELSE l.from_code END AS b,
              l.note, fa.position AS pa, fb.position AS pb
         FROM competency_links l
         JOIN competencies f ON f.code = l.from_code
         JOIN competencies t ON t.code = l.to_code
         JOIN competencies fa ON fa.code = CASE WHEN f.framework_code = $1 THEN l.from_code ELSE l.to_code END
         JOIN competencies fb ON fb.code = CASE WHEN f.framework_code = $1 THEN l.to_code ELSE l.from_code END
        WHERE (f.framework_code = $1 AND t.framework_code = $2)
           OR (f.framework_code = $2 AND t.framework_code = $1)
        ORDER BY pa, pb`,
      [from, to],
    );
    return rows.map((r: Record<string, unknown>) => ({
      from: r.a as string,
      to: r.b as string,
      note: r.note as TranslatableText,
    }));
  }

  /** An admin adds (or updates) a framework in the bundled files' format. */
  async saveFramework(actor: Actor, doc: unknown): Promise<FrameworkView> {
    const problems = frameworkProblems(doc);
    if (problems.length > 0) {
      throw new DomainError(
        'VALIDATION_FAILED',
        {},
        problems.map((p) => ({
          field: p.field,
          rule: 'framework',
          params: { problem: p.message },
          message: {
            kk: 'Шеңбер құжатындағы қате: {problem}',
            ru: 'Ошибка в документе рамки: {problem}',
            en: 'A problem in the framework document: {problem}',
          },
        })),
      );
    }
    const d = doc as FrameworkDocument;
    await this.ds.transaction(async (m) => {
      const [existing] = await m.query(`SELECT source FROM frameworks WHERE code = $1 FOR UPDATE`, [
        d.code,
      ]);
      if (existing?.source === 'bundled')
        throw new DomainError('FRAMEWORK_BUNDLED', { code: d.code });
      await upsertFramework(m, d, 'admin');
      await this.audit.record(
        {
          actorId: actor.id,
          action: existing ? 'framework.update' : 'framework.create',
          targetType: 'framework',
          targetId: null,
          after: { code: d.code, version: d.version, competencies: d.competencies.length },
          requestId: actor.requestId,
        },
        m,
      );
    });
    return this.framework(d.code);
  }

  /** (d) A recognition of prior learning, recorded by an admin with a reason. */
  async recognise(
    actor: Actor,
    input: { userId: string; competencyCode: string; level?: string; reason: string },
  ): Promise<AdminEvidenceRecord> {
    const id = await this.ds.transaction(async (m) => {
      const [[user], [competency]] = await Promise.all([
        m.query(`SELECT 1 FROM users WHERE id = $1`, [input.userId]),
        m.query(`SELECT 1 FROM competencies WHERE code = $1`, [input.competencyCode]),
      ]);
      if (!user || !competency) throw new DomainError('NOT_FOUND');
      const [written] = await recordEvidence(m, [
        {
          userId: input.userId,
          competencyCode: input.competencyCode,
          level: input.level ?? null,
          sourceType: 'recognition',
          // Each recognition is its own fact.
          sourceId: `recognition/${Date.now()}/${Math.random().toString(36).slice(2, 10)}`,
          recordedBy: actor.id,
          reason: input.reason,
        },
      ]);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'competency.recognise',
          targetType: 'competency_evidence',
          targetId: written,
          after: { userId: input.userId, competency: input.competencyCode, reason: input.reason },
          requestId: actor.requestId,
        },
        m,
      );
      return written;
    });
    return this.evidenceById(id);
  }

  /** Annuls one record, with a reason; the profile and the aggregates leave it out from now on. */
  async annul(actor: Actor, id: string, reason: string): Promise<AdminEvidenceRecord> {
    await this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `SELECT source_type, annulled_at FROM competency_evidence WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) throw new DomainError('NOT_FOUND');
      if (row.annulled_at) throw new DomainError('EVIDENCE_ANNULLED');
      await annulEvidence(m, { sourceType: row.source_type, ids: [id] }, reason, actor.id);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'competency.evidence.annul',
          targetType: 'competency_evidence',
          targetId: id,
          after: { reason },
          requestId: actor.requestId,
        },
        m,
      );
    });
    await this.aggregates.requestRefresh();
    return this.evidenceById(id);
  }

  async evidenceOf(userId: string, includeAnnulled: boolean): Promise<AdminEvidenceRecord[]> {
    const rows = await this.ds.query(
      `SELECT * FROM competency_evidence WHERE user_id = $1 AND ($2 OR annulled_at IS NULL)
        ORDER BY recorded_at, id`,
      [userId, includeAnnulled],
    );
    return rows.map(adminRecord);
  }

  private async evidenceById(id: string): Promise<AdminEvidenceRecord> {
    const [row] = await this.ds.query(`SELECT * FROM competency_evidence WHERE id = $1`, [id]);
    if (!row) throw new DomainError('NOT_FOUND');
    return adminRecord(row);
  }
}

function adminRecord(r: Record<string, unknown>): AdminEvidenceRecord {
  return {
    ...evidenceRecord(r as unknown as Parameters<typeof evidenceRecord>[0]),
    userId: r.user_id as string,
    recordedBy: (r.recorded_by as string | null) ?? null,
    annulledAt: (r.annulled_at as Date | null)?.toISOString() ?? null,
    annulledBy: (r.annulled_by as string | null) ?? null,
    annulReason: (r.annul_reason as string | null) ?? null,
  };
}
