import { Injectable, inject } from '@angular/core';
import type { FrameworkSummary, FrameworkView, TranslatableText } from '@qadam/contracts';
import { ApiClient } from '../core/api-client';

/** A competency staff may tag a course, lesson, item or rubric criterion with. */
export interface CompetencyOption {
  code: string;
  framework: string;
  frameworkTitle: TranslatableText;
  kind: string;
  level: string | null;
  name: TranslatableText;
}

/** The kinds the API accepts as tags (competency-codes.ts): blocks, standards, indicators. */
const TAGGABLE = new Set(['block', 'standard', 'indicator']);

/** Every taggable competency of the frameworks, read once per visit (they rarely change). */
@Injectable({ providedIn: 'root' })
export class CompetencyOptions {
  private readonly api = inject(ApiClient);
  private list: Promise<CompetencyOption[]> | null = null;

  load(): Promise<CompetencyOption[]> {
    // A failed read is not kept: the next picker asks again.
    this.list ??= this.read().catch((e) => {
      this.list = null;
      throw e;
    });
    return this.list;
  }

  private async read(): Promise<CompetencyOption[]> {
    const summaries = await this.api.get<FrameworkSummary[]>('/api/frameworks');
    const frameworks = await Promise.all(
      summaries.map((f) =>
        this.api.get<FrameworkView>(`/api/frameworks/${encodeURIComponent(f.code)}`),
      ),
    );
    return frameworks.flatMap((f) =>
      f.items
        .filter((c) => TAGGABLE.has(c.kind))
        .map((c) => ({
          code: c.code,
          framework: f.code,
          frameworkTitle: f.title,
          kind: c.kind,
          level: c.level,
          name: c.name,
        })),
    );
  }
}
