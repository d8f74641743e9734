import { Directive, input, model } from '@angular/core';
import type { Lang } from '@qadam/contracts';
import { injectText } from '../i18n/dictionary';
import { BANKS_TEXT } from './banks.text';
import { type Draft, problemsAt } from './item-draft';

/** What every type's sub-form shares: the editor's draft (two-way), languages and problems. */
@Directive()
export abstract class DraftForm {
  protected readonly t = injectText(BANKS_TEXT);
  readonly draft = model.required<Draft>();
  readonly langs = input.required<readonly Lang[]>();
  readonly problems = input<Record<string, string>>({});

  /** The API's problems at `path` and under it; `exact` for the list itself only. */
  protected at(path: string, exact = false): string[] {
    return problemsAt(this.problems(), path, exact);
  }

  protected patch(p: Partial<Draft>): void {
    this.draft.update((d) => ({ ...d, ...p }));
  }

  protected checked(e: Event): boolean {
    return (e.target as HTMLInputElement).checked;
  }

  protected value(e: Event): string {
    return (e.target as HTMLInputElement).value;
  }
}
