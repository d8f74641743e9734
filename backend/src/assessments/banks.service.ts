import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  BankSummary,
  ItemDefinition,
  ItemRecord,
  KeyCorrectionResult,
  Page,
  TranslatableText,
} from '@qadam/contracts';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { violatedUniqueConstraint } from '../database/pg-errors';
import type { Actor } from '../ladder/ladder.service';
import { AttemptGrader } from './attempt-grader';
import { BankPools } from './bank-pools';
import { createItem, itemHash, reviseItem } from './item-store';
import { assertValidItem } from './item-validation';
import { publicShape } from './items/teacher-view';
import { canonicalJson } from '../courses/package/package-loader';

const ITEM_COLUMNS = `i.id, i.bank_id, i.key, i.current_version, i.current_version_id, i.type,
  i.difficulty, i.competencies, i.archived_at, i.updated_at, v.definition`;

interface ItemRow {
  id: string;
  bank_id: string;
  key: string | null;
  current_version: number;
  current_version_id: string;
  type: ItemRecord['type'];
  difficulty: ItemRecord['difficulty'];
  competencies: string[];
  archived_at: Date | null;
  updated_at: Date;
  definition: ItemDefinition;
}

function itemRecord(r: ItemRow): ItemRecord {
  return {
    id: r.id,
    bankId: r.bank_id,
    key: r.key,
    version: r.current_version,
    versionId: r.current_version_id,
    type: r.type,
    difficulty: r.difficulty,
    competencies: r.competencies,
    archived: r.archived_at !== null,
    definition: r.definition,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** Question banks and their items for authors: every change is a new item version, audited. */
@Injectable()
export class BanksService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly pools: BankPools,
    private readonly grader: AttemptGrader,
  ) {}

  async list(page: number, pageSize: number): Promise<Page<BankSummary>> {
    const rows = await this.ds.query(
      `SELECT b.id, b.key, b.title, b.updated_at,
              (SELECT count(*)::int FROM items i WHERE i.bank_id = b.id AND i.archived_at IS NULL)
                AS items,
              count(*) OVER ()::int AS total
         FROM question_banks b ORDER BY b.key LIMIT $1 OFFSET $2`,
      [pageSize, (page - 1) * pageSize],
    );
    return {
      items: rows.map((r: BankSummary & { updated_at: Date }) => ({
        id: r.id,
        key: r.key,
        title: r.title,
        items: r.items,
        updatedAt: new Date(r.updated_at).toISOString(),
      })),
      total: rows[0]?.total ?? (await this.count()),
      page,
      pageSize,
    };
  }

  private async count(): Promise<number> {
    const [r] = await this.ds.query(`SELECT count(*)::int AS n FROM question_banks`);
    return r.n;
  }

  async create(actor: Actor, key: string, title: TranslatableText): Promise<BankSummary> {
    try {
      return await this.ds.transaction(async (m) => {
        const [row] = await m.query(
          `INSERT INTO question_banks (key, title) VALUES ($1, $2) RETURNING id, updated_at`,
          [key, title],
        );
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'bank.create',
            targetType: 'question_bank',
            targetId: row.id,
            after: { key, title },
            requestId: actor.requestId,
          },
          m,
        );
        return {
          id: row.id,
          key,
          title,
          items: 0,
          updatedAt: new Date(row.updated_at).toISOString(),
        };
      });
    } catch (e) {
      if (violatedUniqueConstraint(e)) throw new DomainError('BANK_KEY_TAKEN', { key });
      throw e;
    }
  }

  async items(
    bankId: string,
    q: { page: number; pageSize: number; competency?: string; type?: string; archived?: boolean },
  ): Promise<Page<ItemRecord>> {
    await this.bank(bankId);
    const rows: (ItemRow & { total: number })[] = await this.ds.query(
      `SELECT ${ITEM_COLUMNS}, count(*) OVER ()::int AS total
         FROM items i JOIN item_versions v ON v.id = i.current_version_id
        WHERE i.bank_id = $1
          AND ($2::text IS NULL OR $2 = ANY(i.competencies))
          AND ($3::text IS NULL OR i.type = $3)
          AND (i.archived_at IS NULL OR $4)
        ORDER BY i.key NULLS LAST, i.created_at, i.id
        LIMIT $5 OFFSET $6`,
      [
        bankId,
        q.competency ?? null,
        q.type ?? null,
        q.archived ?? false,
        q.pageSize,
        (q.page - 1) * q.pageSize,
      ],
    );
    return {
      items: rows.map(itemRecord),
      total: rows[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async item(id: string): Promise<
    ItemRecord & {
      versions: { version: number; id: string; createdAt: string; keyCorrectedAt: string | null }[];
    }
  > {
    const [row] = await this.ds.query(
      `SELECT ${ITEM_COLUMNS} FROM items i JOIN item_versions v ON v.id = i.current_version_id
        WHERE i.id = $1`,
      [id],
    );
    if (!row) throw new DomainError('NOT_FOUND');
    const versions = await this.ds.query(
      `SELECT version, id, created_at, key_corrected_at FROM item_versions WHERE item_id = $1
        ORDER BY version`,
      [id],
    );
    return {
      ...itemRecord(row),
      versions: versions.map(
        (v: { version: number; id: string; created_at: Date; key_corrected_at: Date | null }) => ({
          version: v.version,
          id: v.id,
          createdAt: new Date(v.created_at).toISOString(),
          keyCorrectedAt: v.key_corrected_at ? new Date(v.key_corrected_at).toISOString() : null,
        }),
      ),
    };
  }

  async addItem(
    actor: Actor,
    bankId: string,
    key: string | null,
    raw: unknown,
  ): Promise<ItemRecord> {
    await this.bank(bankId);
    const definition = assertValidItem(raw);
    try {
      const id = await this.ds.transaction(async (m) => {
        const created = await createItem(m, bankId, key, definition, actor.id);
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'item.create',
            targetType: 'item',
            targetId: created.id,
            after: { bankId, key, version: 1 },
            requestId: actor.requestId,
          },
          m,
        );
        return created.id;
      });
      this.pools.clear();
      return this.item(id);
    } catch (e) {
      if (violatedUniqueConstraint(e)) throw new DomainError('ITEM_KEY_TAKEN', { key: key ?? '' });
      throw e;
    }
  }

  /** A new version; attempts already started keep the one they drew. */
  async revise(actor: Actor, id: string, raw: unknown): Promise<ItemRecord> {
    const definition = assertValidItem(raw);
    await this.ds.transaction(async (m) => {
      const [exists] = await m.query(`SELECT current_version FROM items WHERE id = $1`, [id]);
      if (!exists) throw new DomainError('NOT_FOUND');
      const made = await reviseItem(m, id, definition, actor.id);
      if (made) {
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'item.revise',
            targetType: 'item',
            targetId: id,
            before: { version: exists.current_version },
            after: { version: made.version },
            requestId: actor.requestId,
          },
          m,
        );
      }
    });
    this.pools.clear();
    return this.item(id);
  }

  /** Archived items are drawn no more; attempts holding them are untouched. */
  async archive(actor: Actor, id: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const [row] = await m.query(`SELECT archived_at FROM items WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw new DomainError('NOT_FOUND');
      if (row.archived_at) return;
      await m.query(`UPDATE items SET archived_at = now(), updated_at = now() WHERE id = $1`, [id]);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'item.archive',
          targetType: 'item',
          targetId: id,
          requestId: actor.requestId,
        },
        m,
      );
    });
    this.pools.clear();
  }

  /**
   * Corrects the answer key of one version in place (nothing a teacher sees may change) and
   * regrades every closed attempt holding it; open attempts are graded with the corrected key
   * when they close. One transaction, audited with the old and the new key.
   */
  async correctKey(
    actor: Actor,
    itemId: string,
    version: number,
    raw: unknown,
    reason: string,
  ): Promise<KeyCorrectionResult> {
    const corrected = assertValidItem(raw);
    return this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `SELECT id, definition FROM item_versions WHERE item_id = $1 AND version = $2 FOR UPDATE`,
        [itemId, version],
      );
      if (!row) throw new DomainError('NOT_FOUND');
      const old = row.definition as ItemDefinition;
      // Choice ids are kept from the stored version, so teachers' answers still refer to them.
      const next = keepIds(old, corrected);
      if (canonicalJson(publicShape(old)) !== canonicalJson(publicShape(next))) {
        throw DomainError.invalid('definition', 'item.key-only');
      }
      await m.query(
        `UPDATE item_versions SET definition = $2, content_hash = $3, key_corrected_at = now()
          WHERE id = $1`,
        [row.id, next, itemHash(next)],
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'item.key.correct',
          targetType: 'item',
          targetId: itemId,
          before: { version, definition: old },
          after: { version, definition: next, reason },
          requestId: actor.requestId,
        },
        m,
      );
      const { regraded, changed } = await this.regrade(m, row.id);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'item.key.regrade',
          targetType: 'item',
          targetId: itemId,
          after: { version, regraded, changed },
          requestId: actor.requestId,
        },
        m,
      );
      return { itemId, version, regraded, changed };
    });
  }

  private async regrade(
    m: EntityManager,
    versionId: string,
  ): Promise<{ regraded: number; changed: number }> {
    const attempts: { id: string; status: string; score: string | null }[] = await m.query(
      `SELECT a.id, a.status, a.score FROM attempts a
         JOIN attempt_items ai ON ai.attempt_id = a.id AND ai.item_version_id = $1
        WHERE a.status IN ('submitted', 'graded')
        ORDER BY a.id FOR UPDATE OF a`,
      [versionId],
    );
    let changed = 0;
    for (const a of attempts) {
      const { waiting } = await this.grader.gradeObjectiveItems(m, a.id);
      if (waiting > 0) continue;
      const after = await this.grader.finalize(m, a.id);
      if (a.status !== 'graded' || Number(after.score) !== Number(a.score)) changed += 1;
    }
    return { regraded: attempts.length, changed };
  }

  private async bank(id: string): Promise<void> {
    const [row] = await this.ds.query(`SELECT 1 FROM question_banks WHERE id = $1`, [id]);
    if (!row) throw new DomainError('NOT_FOUND');
  }
}

/**
 * A corrected definition sent without ids (or with fresh ones) gets the stored version's ids,
 * matched by position: the key correction may not add, drop or reorder choices anyway.
 */
function keepIds(old: ItemDefinition, next: ItemDefinition): ItemDefinition {
  const copy = structuredClone(next) as unknown as Record<string, unknown>;
  const prev = old as unknown as Record<string, unknown>;
  for (const field of ['options', 'sequence', 'distractors'] as const) {
    const a = prev[field] as { id: string }[] | undefined;
    const b = copy[field] as { id: string }[] | undefined;
    if (a && b && a.length === b.length) b.forEach((x, i) => (x.id = a[i].id));
  }
  const pa = prev.pairs as { left: { id: string }; right: { id: string } }[] | undefined;
  const pb = copy.pairs as { left: { id: string }; right: { id: string } }[] | undefined;
  if (pa && pb && pa.length === pb.length) {
    pb.forEach((p, i) => {
      p.left.id = pa[i].left.id;
      p.right.id = pa[i].right.id;
    });
  }
  const ra = (prev.rubric as { criteria: { id: string; levels: { id: string }[] }[] } | undefined)
    ?.criteria;
  const rb = (copy.rubric as { criteria: { id: string; levels: { id: string }[] }[] } | undefined)
    ?.criteria;
  if (ra && rb && ra.length === rb.length) {
    rb.forEach((c, i) => {
      c.id = ra[i].id;
      if (c.levels.length === ra[i].levels.length)
        c.levels.forEach((l, j) => (l.id = ra[i].levels[j].id));
    });
  }
  return copy as unknown as ItemDefinition;
}
