import { Injectable, inject } from '@angular/core';
import type {
  BankSummary,
  CoursePackageReport,
  Difficulty,
  ImportReport,
  ItemDefinition,
  ItemRecord,
  ItemType,
  KeyCorrectionResult,
  Lang,
  Page,
  TranslatableText,
} from '@qadam/contracts';
import { CompetencyOptions, type CompetencyOption } from '../staff/competency-options';
import { ApiClient, RawBody } from '../core/api-client';

/** `GET /api/items/:id`: the item with the list of its versions. */
export interface ItemVersion {
  version: number;
  id: string;
  createdAt: string;
  keyCorrectedAt: string | null;
}
export type ItemDetail = ItemRecord & { versions: ItemVersion[] };

export interface ItemsQuery {
  page: number;
  pageSize: number;
  type?: ItemType;
  competency?: string;
  archived?: boolean;
}

/** What an import file is, by its name: decides the endpoint and the content type sent. */
export type ImportKind = 'moodle' | 'gift' | 'package';
export const IMPORT_TYPES: Record<ImportKind, string> = {
  moodle: 'application/xml',
  gift: 'text/plain',
  package: 'application/zip',
};
export function importKind(fileName: string): ImportKind | null {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'xml') return 'moodle';
  if (ext === 'gift' || ext === 'txt') return 'gift';
  if (ext === 'zip') return 'package';
  return null;
}

export interface ImportOptions {
  lang?: Lang;
  bank?: string;
  difficulty?: Difficulty;
  competencies?: string[];
}

/** A competency an item may be tagged with, for the picker. */
export type CompetencyChoice = CompetencyOption;

/** The bank and import endpoints (banks.controller.ts, interchange.controller.ts). */
@Injectable({ providedIn: 'root' })
export class BanksApi {
  private readonly api = inject(ApiClient);
  private readonly options = inject(CompetencyOptions);

  banks(page: number, pageSize = 50): Promise<Page<BankSummary>> {
    return this.api.get('/api/banks', { page, pageSize });
  }

  createBank(key: string, title: TranslatableText): Promise<BankSummary> {
    return this.api.request('POST', '/api/banks', { key, title });
  }

  /** One bank's summary: the API has no single-bank read, so it is found in the list. */
  async bank(id: string): Promise<BankSummary | null> {
    for (let page = 1; page <= 20; page++) {
      const p = await this.banks(page, 200);
      const found = p.items.find((b) => b.id === id);
      if (found) return found;
      if (page * p.pageSize >= p.total) break;
    }
    return null;
  }

  items(bankId: string, q: ItemsQuery): Promise<Page<ItemRecord>> {
    return this.api.get(`/api/banks/${encodeURIComponent(bankId)}/items`, q);
  }

  item(id: string): Promise<ItemDetail> {
    return this.api.get(`/api/items/${encodeURIComponent(id)}`);
  }

  addItem(bankId: string, key: string | null, definition: ItemDefinition): Promise<ItemDetail> {
    const body = key ? { key, definition } : { definition };
    return this.api.request('POST', `/api/banks/${encodeURIComponent(bankId)}/items`, body);
  }

  revise(id: string, definition: ItemDefinition): Promise<ItemDetail> {
    return this.api.request('PUT', `/api/items/${encodeURIComponent(id)}`, { definition });
  }

  archive(id: string): Promise<void> {
    return this.api.request('DELETE', `/api/items/${encodeURIComponent(id)}`);
  }

  correctKey(
    id: string,
    version: number,
    definition: ItemDefinition,
    reason: string,
  ): Promise<KeyCorrectionResult> {
    return this.api.request(
      'POST',
      `/api/items/${encodeURIComponent(id)}/versions/${version}/key-correction`,
      { definition, reason },
    );
  }

  exportBank(id: string, lang: Lang): Promise<Blob> {
    return this.api.download(`/api/banks/${encodeURIComponent(id)}/export?lang=${lang}`);
  }

  /** Moodle XML or GIFT, sent as it is, with the options of ImportQueryDto. */
  importQuestions(file: Blob, kind: 'moodle' | 'gift', o: ImportOptions): Promise<ImportReport> {
    const q = new URLSearchParams({ format: kind });
    if (o.lang) q.set('lang', o.lang);
    if (o.bank) q.set('bank', o.bank);
    if (o.difficulty) q.set('difficulty', o.difficulty);
    if (o.competencies?.length) q.set('competencies', o.competencies.join(','));
    return this.api.request(
      'POST',
      `/api/banks/import?${q.toString()}`,
      new RawBody(file, IMPORT_TYPES[kind]),
    );
  }

  importPackage(file: Blob): Promise<CoursePackageReport> {
    return this.api.request(
      'POST',
      '/api/authoring/packages',
      new RawBody(file, IMPORT_TYPES.package),
    );
  }

  /** Every taggable competency of every framework, read once per visit. */
  competencies(): Promise<CompetencyChoice[]> {
    return this.options.load();
  }
}
