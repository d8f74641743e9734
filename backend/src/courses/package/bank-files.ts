import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { ItemDefinition, Lang, TranslatableText } from '@qadam/contracts';
import type { BankDocument } from '../../assessments/item-store';
import { assignIds, checkItem, ITEM_SCHEMA } from '../../assessments/items/item-schema';
import { planSections, PoolItem } from '../../assessments/section-plan';
import { KEY_PATTERN } from './course-package.schema';
import { Emit, isRecord, list, parseYaml, Path, reportSchemaError } from './package-loader';
import type { PackageProblem } from './package-problems';

export const BANKS_DIR = 'banks';

const key = { type: 'string', pattern: KEY_PATTERN, maxLength: 80 } as const;

/** JSON Schema of `banks/<bank-key>.yaml`: a title and items, each with a key. */
export const BANK_FILE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Qadam question bank (banks/<key>.yaml)',
  type: 'object',
  required: ['title', 'items'],
  properties: {
    key,
    title: { type: 'object', additionalProperties: { type: 'string' } },
    items: {
      type: 'array',
      minItems: 1,
      maxItems: 5000,
      // Each item is checked on its own (below), so one broken item hides no other's problems.
      items: { type: 'object' },
    },
  },
  additionalProperties: false,
} as const;

const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true });
const validateBank = ajv.compile(BANK_FILE_SCHEMA);
const validateItem = ajv.compile({ allOf: [ITEM_SCHEMA, { type: 'object', required: ['key'] }] });

/** `options[2].text.ru` → ['options', 2, 'text', 'ru']. */
function segmentsOf(p: string): Path {
  return p
    .split(/\.|\[(\d+)\]/)
    .filter((s) => s !== undefined && s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Choice ids for package items: derived from the bank, item and place, so re-importing the same
 * file makes no new version, and opaque, so they say nothing of the author's order.
 */
function packageChoiceId(bank: string, item: string): (where: string) => string {
  return (where) =>
    createHash('sha256').update(`${bank}/${item}/${where}`).digest('base64url').slice(0, 10);
}

/**
 * Loads `banks/*.yaml` of a package: every problem is pushed as file:line, items are checked
 * by the same rules as the editor's, with the course's languages required.
 */
export async function loadBankFiles(
  root: string,
  folder: string,
  languages: Lang[],
  problems: PackageProblem[],
): Promise<BankDocument[]> {
  let names: string[];
  try {
    names = (await fs.readdir(path.join(root, BANKS_DIR), { withFileTypes: true }))
      .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const banks: BankDocument[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const file = `${folder}/${BANKS_DIR}/${name}`;
    const source = await fs.readFile(path.join(root, BANKS_DIR, name), 'utf8');
    const parsed = parseYaml(source, file, problems);
    if (!parsed) continue;
    const { raw, lines } = parsed;
    const emit: Emit = (segments, rule, params = {}) =>
      problems.push({ file, line: lines.lineOf(segments), rule, params });
    const bankKey =
      isRecord(raw) && typeof raw.key === 'string' ? raw.key : name.replace(/\.ya?ml$/i, '');
    if (!new RegExp(KEY_PATTERN).test(bankKey)) {
      emit(['key'], 'package.bank-key', { key: bankKey });
      continue;
    }
    if (seen.has(bankKey)) emit(['key'], 'package.duplicate-bank', { key: bankKey });
    seen.add(bankKey);
    if (!validateBank(raw)) {
      for (const e of validateBank.errors ?? []) reportSchemaError(e, emit);
      continue;
    }
    const itemKeys = new Set<string>();
    const items: BankDocument['items'] = [];
    list((raw as unknown as Record<string, unknown>).items).forEach((entry, i) => {
      const at = (segments: Path): Path => ['items', i, ...segments];
      if (!validateItem(entry)) {
        for (const e of validateItem.errors ?? []) {
          if (e.keyword === 'if') continue; // ajv's note above the real errors of a type's `then`
          reportSchemaError(e, (segments, rule, params) => emit(at(segments), rule, params));
        }
        return;
      }
      const { key: itemKey, ...definition } = entry as ItemDefinition & { key: string };
      if (itemKeys.has(itemKey)) {
        emit(at(['key']), 'package.duplicate-item-key', { key: itemKey });
        return;
      }
      itemKeys.add(itemKey);
      const wrong = checkItem(definition as ItemDefinition, { languages });
      for (const p of wrong) emit(at(segmentsOf(p.path)), p.rule, p.params ?? {});
      if (wrong.length > 0) return;
      items.push({
        key: itemKey,
        definition: assignIds(definition as ItemDefinition, packageChoiceId(bankKey, itemKey)),
      });
    });
    // A bank with problems still counts for the sections' check, so the author sees it all.
    banks.push({
      key: bankKey,
      title: (raw as { title: TranslatableText }).title,
      items,
    });
  }
  return banks;
}

/**
 * Sections that draw from or pick in this package's banks must be fillable from them (a bank
 * too small for its draws, an unknown item). Banks from elsewhere are checked at publishing.
 */
export function checkSectionsAgainstBanks(raw: unknown, banks: BankDocument[], emit: Emit): void {
  const pools = new Map<string, PoolItem[]>(
    banks.map((b) => [
      b.key,
      b.items.map((item) => ({
        itemId: `${b.key}/${item.key}`,
        key: item.key,
        versionId: `${b.key}/${item.key}`,
        competencies: item.definition.competencies,
        difficulty: item.definition.difficulty,
        definition: item.definition,
      })),
    ]),
  );
  list(isRecord(raw) ? raw.assessments : []).forEach((a, i) => {
    if (!isRecord(a)) return;
    const sections = list(a.sections).filter(isRecord) as never[];
    // Only sections whose banks are all in the package can be checked here.
    const local = (sections as { draw?: { bank: string }; items?: string[] }[]).map((s) =>
      s.draw
        ? pools.has(s.draw.bank)
        : (s.items ?? []).every((ref) => pools.has(String(ref).split('/')[0])),
    );
    const plan = planSections(
      sections.filter((_, j) => local[j]),
      pools,
      Math.random,
    );
    const indices = local.flatMap((ok, j) => (ok ? [j] : []));
    for (const p of plan.problems) {
      emit(['assessments', i, 'sections', indices[p.section]], p.rule, p.params);
    }
  });
}
