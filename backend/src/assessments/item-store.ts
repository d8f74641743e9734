import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ItemDefinition, TranslatableText } from '@qadam/contracts';
import { canonicalJson } from '../courses/package/package-loader';
import { updated } from '../database/returning';

/** A bank as a package or an import carries it: items named by key within the bank. */
export interface BankDocument {
  key: string;
  title: TranslatableText;
  items: { key: string; definition: ItemDefinition }[];
}

export interface BankImportResult {
  bankId: string;
  key: string;
  created: boolean;
  added: number;
  versioned: number;
  unchanged: number;
  archived: number;
}

/** SHA-256 of the canonical definition: the same content is the same version. */
export function itemHash(definition: ItemDefinition): string {
  return createHash('sha256').update(canonicalJson(definition)).digest('hex');
}

/** Creates or renames a bank by key. */
export async function upsertBank(
  m: EntityManager,
  key: string,
  title: TranslatableText,
): Promise<{ id: string; created: boolean }> {
  const [row] = await m.query(
    `INSERT INTO question_banks (key, title) VALUES ($1, $2)
     ON CONFLICT (key) DO UPDATE SET title = EXCLUDED.title, updated_at = now()
     RETURNING id, (xmax = 0) AS created`,
    [key, title],
  );
  return row;
}

/** Adds an item (version 1) to a bank. */
export async function createItem(
  m: EntityManager,
  bankId: string,
  key: string | null,
  definition: ItemDefinition,
  by: string | null,
  hash = itemHash(definition),
): Promise<{ id: string; versionId: string }> {
  const id = randomUUID();
  const versionId = randomUUID();
  // The item points at its version and the version at its item: ids are made here so both rows
  // go in without a second update.
  await m.query(
    `INSERT INTO items (id, bank_id, key, current_version, current_version_id, type, competencies,
                        difficulty)
     VALUES ($1, $2, $3, 1, $4, $5, $6, $7)`,
    [id, bankId, key, versionId, definition.type, definition.competencies, definition.difficulty],
  );
  await m.query(
    `INSERT INTO item_versions (id, item_id, version, definition, content_hash, created_by)
     VALUES ($1, $2, 1, $3, $4, $5)`,
    [versionId, id, definition, hash, by],
  );
  return { id, versionId };
}

/**
 * Makes a new version of an item (attempts already started keep theirs). Returns null when the
 * content is the same as the current version's.
 */
export async function reviseItem(
  m: EntityManager,
  itemId: string,
  definition: ItemDefinition,
  by: string | null,
): Promise<{ version: number; versionId: string } | null> {
  const hash = itemHash(definition);
  const [current] = await m.query(
    `SELECT i.current_version, v.content_hash FROM items i
       JOIN item_versions v ON v.id = i.current_version_id
      WHERE i.id = $1 FOR UPDATE OF i`,
    [itemId],
  );
  if (!current) return null;
  if (current.content_hash === hash) {
    await m.query(`UPDATE items SET archived_at = NULL WHERE id = $1 AND archived_at IS NOT NULL`, [
      itemId,
    ]);
    return null;
  }
  const versionId = randomUUID();
  const version = current.current_version + 1;
  await m.query(
    `INSERT INTO item_versions (id, item_id, version, definition, content_hash, created_by)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [versionId, itemId, version, definition, hash, by],
  );
  await m.query(
    `UPDATE items SET current_version = $2, current_version_id = $3, type = $4, competencies = $5,
                      difficulty = $6, archived_at = NULL, updated_at = now()
      WHERE id = $1`,
    [itemId, version, versionId, definition.type, definition.competencies, definition.difficulty],
  );
  return { version, versionId };
}

/**
 * Brings a bank in line with a document, idempotently: new keys are added, changed items get a
 * new version, and (for packages, which own their banks) keyed items no longer listed are
 * archived, never deleted.
 */
export async function importBank(
  m: EntityManager,
  bank: BankDocument,
  by: string | null,
  archiveMissing: boolean,
): Promise<BankImportResult> {
  const { id: bankId, created } = await upsertBank(m, bank.key, bank.title);
  const existing: { id: string; key: string }[] = await m.query(
    `SELECT id, key FROM items WHERE bank_id = $1 AND key IS NOT NULL`,
    [bankId],
  );
  const byKey = new Map(existing.map((r) => [r.key, r.id]));
  const result: BankImportResult = {
    bankId,
    key: bank.key,
    created,
    added: 0,
    versioned: 0,
    unchanged: 0,
    archived: 0,
  };
  for (const item of bank.items) {
    const id = byKey.get(item.key);
    if (!id) {
      await createItem(m, bankId, item.key, item.definition, by);
      result.added += 1;
    } else if (await reviseItem(m, id, item.definition, by)) {
      result.versioned += 1;
    } else {
      result.unchanged += 1;
    }
  }
  if (archiveMissing) {
    const listed = bank.items.map((i) => i.key);
    const archived = await updated(
      m,
      `UPDATE items SET archived_at = now(), updated_at = now()
        WHERE bank_id = $1 AND key IS NOT NULL AND NOT (key = ANY($2)) AND archived_at IS NULL
        RETURNING id`,
      [bankId, listed],
    );
    result.archived = archived.length;
  }
  return result;
}
