import { Injectable } from '@nestjs/common';
import slugify from 'slugify';
import { DataSource } from 'typeorm';
import type { ImportProblem, ImportReport, ItemDefinition, Lang } from '@qadam/contracts';
import { AuditService } from '../audit/audit.service';
import { localiseDetails } from '../common/errors/api-exception.filter';
import { DomainError } from '../common/errors/domain-error';
import { isCompetencyCode } from '../courses/competency-codes';
import { pickText } from '../courses/text';
import type { Actor } from '../ladder/ladder.service';
import { BankPools } from './bank-pools';
import { ImportQueryDto } from './dto/banks.dto';
import { createItem, itemHash, upsertBank } from './item-store';
import { itemProblems, randomChoiceId } from './item-validation';
import { assignIds } from './items/item-schema';
import {
  formatInterchangeProblem,
  InterchangeProblem,
  ParsedItem,
} from './interchange/interchange';
import { parseGift } from './interchange/gift';
import { parseMoodleXml } from './interchange/moodle-xml';
import { toMoodleXml } from './interchange/moodle-export';

/** Kazakh letters as the 2021 Latin alphabet writes them, without its diacritics. */
const KAZAKH_LATIN: Record<string, string> = {
  ә: 'a',
  ғ: 'g',
  қ: 'q',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
};

/** A bank key from a category path: transliterated, lower-case, hyphenated. */
export function bankKeyOf(path: string): string {
  const latin = path
    .toLowerCase()
    .replace(/[әғқңөұүһі]/g, (c) => KAZAKH_LATIN[c])
    .replace(/\//g, ' ');
  const key = slugify(latin, { lower: true, strict: true }).slice(0, 80);
  return key.replace(/-+$/, '') || 'imported';
}

/**
 * Moodle XML and GIFT in and Moodle XML out. Every question that cannot come in is reported
 * with its position, name, line and reason; the rest are imported in one transaction.
 */
@Injectable()
export class BankImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly pools: BankPools,
  ) {}

  async import(
    actor: Actor,
    body: unknown,
    q: ImportQueryDto,
    reader: Lang,
  ): Promise<ImportReport> {
    if (typeof body !== 'string' || body.trim() === '') {
      throw DomainError.invalid('file', 'isNotEmpty');
    }
    const unknown = (q.competencies ?? []).filter((c) => !isCompetencyCode(c));
    if (unknown.length > 0) throw DomainError.invalid('competencies', 'competency.code');
    const lang = q.lang ?? 'kk';
    const opts = {
      lang,
      competencies: q.competencies ?? [],
      difficulty: q.difficulty ?? 'medium',
      defaultBank: q.bank ?? 'imported',
    } as const;
    const parsed =
      q.format === 'moodle' ? parseMoodleXml(body, { ...opts }) : parseGift(body, { ...opts });
    const view = (p: InterchangeProblem): ImportProblem => ({
      index: p.index,
      name: p.name,
      ...(p.line !== undefined ? { line: p.line } : {}),
      problem: formatInterchangeProblem(p, reader),
    });
    const fileLevel = parsed.problems.filter((p) => p.index === 0);
    if (parsed.items.length === 0 && fileLevel.length > 0) {
      throw new DomainError('IMPORT_REFUSED', {
        reason: formatInterchangeProblem(fileLevel[0], reader),
      });
    }

    const problems: ImportProblem[] = parsed.problems.map(view);
    const warnings: ImportProblem[] = parsed.items.flatMap((i) => i.warnings.map(view));
    // The same checks as an item made in the editor.
    const accepted: ParsedItem[] = [];
    for (const item of parsed.items) {
      const wrong = itemProblems(item.definition, 'definition');
      if (wrong.length === 0) {
        accepted.push(item);
        continue;
      }
      problems.push({
        index: item.index,
        name: item.name,
        ...(item.line !== undefined ? { line: item.line } : {}),
        problem: localiseDetails(wrong, reader)
          .map((w) => `${w.field}: ${w.problem}`)
          .join('; '),
      });
    }

    const report = await this.ds.transaction(async (m) => {
      const banks = new Map<string, ImportReport['banks'][number]>();
      let imported = 0;
      let duplicates = 0;
      for (const item of accepted) {
        const key = bankKeyOf(item.bank);
        let bank = banks.get(key);
        if (!bank) {
          const [existing] = await m.query(`SELECT id FROM question_banks WHERE key = $1`, [key]);
          const made = existing
            ? { id: existing.id as string, created: false }
            : await upsertBank(m, key, { [lang]: item.bank });
          bank = { id: made.id, key, created: made.created, items: 0 };
          banks.set(key, bank);
        }
        const definition = assignIds(item.definition, randomChoiceId) as ItemDefinition;
        // Content hashes ignore nothing but ids, so compare without them.
        const contentHash = itemHash(stripIds(item.definition));
        const [same] = await m.query(
          `SELECT 1 FROM items i JOIN item_versions v ON v.id = i.current_version_id
            WHERE i.bank_id = $1 AND v.content_hash = $2`,
          [bank.id, contentHash],
        );
        if (same) {
          duplicates += 1;
          continue;
        }
        // Hashed without its random ids, so a second import of the same file finds it.
        await createItem(m, bank.id, null, definition, actor.id, contentHash);
        bank.items += 1;
        imported += 1;
      }
      const result: ImportReport = {
        format: q.format,
        banks: [...banks.values()],
        imported,
        duplicates,
        skipped: problems.filter((p) => p.index > 0).length,
        problems,
        warnings,
      };
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'bank.import',
          targetType: 'question_bank',
          targetId: null,
          after: {
            format: q.format,
            banks: result.banks.map((b) => b.key),
            imported,
            duplicates,
            skipped: result.skipped,
          },
          requestId: actor.requestId,
        },
        m,
      );
      return result;
    });
    this.pools.clear();
    return report;
  }

  /** A bank's live items as Moodle XML, in one language (with the usual fallback). */
  async export(bankId: string, lang: Lang): Promise<{ xml: string; key: string }> {
    const [bank] = await this.ds.query(`SELECT key, title FROM question_banks WHERE id = $1`, [
      bankId,
    ]);
    if (!bank) throw new DomainError('NOT_FOUND');
    const rows: { key: string | null; id: string; definition: ItemDefinition }[] =
      await this.ds.query(
        `SELECT i.key, i.id, v.definition FROM items i
           JOIN item_versions v ON v.id = i.current_version_id
          WHERE i.bank_id = $1 AND i.archived_at IS NULL ORDER BY i.key NULLS LAST, i.created_at`,
        [bankId],
      );
    const { xml } = toMoodleXml(
      [
        {
          name: pickText(bank.title, lang) || bank.key,
          items: rows.map((r) => ({ name: r.key ?? r.id, definition: r.definition })),
        },
      ],
      lang,
    );
    return { xml, key: bank.key };
  }
}

/** The definition with every choice id removed, for comparing imported content. */
function stripIds(def: ItemDefinition): ItemDefinition {
  return JSON.parse(
    JSON.stringify(def, (k, v) => (k === 'id' && typeof v === 'string' ? undefined : v)),
  );
}
