import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource, EntityManager } from 'typeorm';
import type { AssessmentDocument } from '@qadam/contracts';
import type { RawFieldProblem } from '../common/errors/domain-error';
import { banksOf, PLAN_PROBLEM_MESSAGES, planSections, PoolItem } from './section-plan';

/** The live items of these banks with their current versions: one query. */
export async function loadPools(
  m: EntityManager,
  keys: string[],
): Promise<Map<string, PoolItem[]>> {
  const pools = new Map<string, PoolItem[]>();
  if (keys.length === 0) return pools;
  const rows: {
    bank: string;
    item_id: string | null;
    key: string | null;
    version_id: string;
    competencies: string[];
    difficulty: PoolItem['difficulty'];
    definition: PoolItem['definition'];
  }[] = await m.query(
    `SELECT b.key AS bank, i.id AS item_id, i.key, i.current_version_id AS version_id,
            i.competencies, i.difficulty, v.definition
       FROM question_banks b
       LEFT JOIN items i ON i.bank_id = b.id AND i.archived_at IS NULL
       LEFT JOIN item_versions v ON v.id = i.current_version_id
      WHERE b.key = ANY($1)
      ORDER BY b.key, i.created_at, i.id`,
    [keys],
  );
  for (const r of rows) {
    if (!pools.has(r.bank)) pools.set(r.bank, []);
    if (!r.item_id) continue;
    pools.get(r.bank)!.push({
      itemId: r.item_id,
      key: r.key,
      versionId: r.version_id,
      competencies: r.competencies,
      difficulty: r.difficulty,
      definition: r.definition,
    });
  }
  return pools;
}

/**
 * Bank contents for attempt starts, cached for a few seconds: on an exam day thousands of
 * teachers start the same test at once, and they all draw from the same few banks. A start may
 * therefore miss an item version made in the last seconds; it never sees a half-made one.
 */
@Injectable()
export class BankPools {
  private readonly cache = new LRUCache<string, Promise<PoolItem[]>>({ max: 1000, ttl: 10_000 });

  constructor(private readonly ds: DataSource) {}

  async get(keys: string[]): Promise<Map<string, PoolItem[]>> {
    const missing = keys.filter((k) => !this.cache.has(k));
    if (missing.length > 0) {
      // One query for all the banks missing, shared by every start waiting on them.
      const loading = loadPools(this.ds.manager, missing);
      for (const k of missing) {
        const p = loading.then((pools) => pools.get(k) ?? []);
        p.catch(() => this.cache.delete(k));
        this.cache.set(k, p);
      }
    }
    const pools = new Map<string, PoolItem[]>();
    for (const k of keys) {
      const pool = await this.cache.get(k)!;
      // A bank that does not exist stays absent, so the plan reports it as unknown.
      if (pool.length > 0 || (await this.exists(k))) pools.set(k, pool);
    }
    return pools;
  }

  private async exists(key: string): Promise<boolean> {
    const rows = await this.ds.query(`SELECT 1 FROM question_banks WHERE key = $1`, [key]);
    return rows.length > 0;
  }

  clear(): void {
    this.cache.clear();
  }
}

/**
 * Whether every section of these assessments can be filled from the banks as they are now:
 * publishing refuses a test that could not be started.
 */
export async function checkSections(
  m: EntityManager,
  assessments: AssessmentDocument[],
): Promise<RawFieldProblem[]> {
  const pools = await loadPools(m, banksOf(assessments.flatMap((a) => a.sections ?? [])));
  const problems: RawFieldProblem[] = [];
  assessments.forEach((a, i) => {
    for (const p of planSections(a.sections ?? [], pools, Math.random).problems) {
      // The template goes as it is: localiseDetails fills it in the reader's language.
      problems.push({
        field: `assessments[${i}].sections[${p.section}]`,
        rule: p.rule,
        params: p.params,
        message: PLAN_PROBLEM_MESSAGES[p.rule],
      });
    }
  });
  return problems;
}
