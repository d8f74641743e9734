import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { Difficulty, ItemType, Lang } from '@qadam/contracts';
import { formErrors } from '../auth/field-errors';
import { I18n } from '../i18n/i18n';
import { injectText } from '../i18n/dictionary';
import { AnswerFields } from './answer-fields';
import { BanksApi, type ItemDetail } from './banks-api';
import { BANKS_TEXT } from './banks.text';
import { ChoiceFields } from './choice-fields';
import { CompetencyPicker } from './competency-picker';
import {
  DIFFICULTIES,
  type Draft,
  ITEM_TYPES,
  LANG_CODES,
  draftLangs,
  emptyDraft,
  fromDefinition,
  itemProblems,
  otherProblems,
  problemsAt,
  toDefinition,
} from './item-draft';
import { ItemPreview } from './item-preview';
import { RubricFields } from './rubric-fields';
import { StructureFields } from './structure-fields';
import { TextsField } from './texts-field';

/**
 * One item of a bank: the form for every type, a preview, saving (each save is a new version),
 * archiving, the versions and the key correction of the current version. `itemId` is `new` for an
 * item not saved yet.
 */
@Component({
  selector: 'q-item-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TextsField,
    CompetencyPicker,
    ChoiceFields,
    StructureFields,
    AnswerFields,
    RubricFields,
    ItemPreview,
  ],
  host: { '(window:beforeunload)': 'beforeUnload($event)' },
  templateUrl: './item-editor-page.html',
  styleUrl: './item-editor.css',
})
export class ItemEditorPage {
  protected readonly t = injectText(BANKS_TEXT);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(BanksApi);
  private readonly router = inject(Router);

  /** Route parameters. */
  readonly id = input.required<string>();
  readonly itemId = input.required<string>();

  protected readonly types = ITEM_TYPES;
  protected readonly difficulties = DIFFICULTIES;
  protected readonly allLangs = LANG_CODES;

  protected readonly record = signal<ItemDetail | null>(null);
  protected readonly draft = signal<Draft>(emptyDraft());
  /** The draft as last loaded or saved, to tell unsaved changes. */
  private readonly baseline = signal(JSON.stringify(emptyDraft()));
  protected readonly dirty = computed(() => JSON.stringify(this.draft()) !== this.baseline());
  protected readonly langs = signal<Lang[]>(['kk', 'ru']);
  protected readonly previewLang = signal<Lang>('kk');

  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly loadError = signal('');
  protected readonly error = signal('');
  protected readonly problems = signal<Record<string, string>>({});
  protected readonly saved = signal('');
  protected readonly reason = signal('');
  protected readonly keyError = signal('');
  protected readonly keyResult = signal('');

  protected readonly isNew = computed(() => this.itemId() === 'new');
  protected readonly general = computed(() => otherProblems(this.problems()));

  constructor() {
    // The route's item, loaded each time the editor is pointed at another one.
    effect(() => {
      const itemId = this.itemId();
      untracked(() => void this.load(itemId));
    });
  }

  protected at(path: string, exact = false): string[] {
    return problemsAt(this.problems(), path, exact);
  }
  protected typeKey(t: ItemType) {
    return `type.${t}` as const;
  }
  protected difficultyKey(d: Difficulty) {
    return `difficulty.${d}` as const;
  }
  protected langKey(l: Lang) {
    return `lang.${l}` as const;
  }
  protected value(e: Event): string {
    return (e.target as HTMLInputElement).value;
  }
  protected patch(p: Partial<Draft>): void {
    this.draft.update((d) => ({ ...d, ...p }));
  }

  /** Shows or hides a language's inputs; its texts stay in the draft either way. */
  protected toggleLang(l: Lang, on: boolean): void {
    this.langs.update((ls) => LANG_CODES.filter((x) => (x === l ? on : ls.includes(x))));
  }

  private async load(itemId: string): Promise<void> {
    // The URL of an item just created: it is on screen already, with its "saved" message.
    if (this.record()?.id === itemId) return;
    this.reset();
    if (itemId === 'new') {
      this.record.set(null);
      this.show(emptyDraft());
      return;
    }
    this.loading.set(true);
    try {
      const rec = await this.api.item(itemId);
      this.record.set(rec);
      this.show(fromDefinition(rec.definition, rec.key));
    } catch (e) {
      this.loadError.set(this.i18n.errorText(e));
    } finally {
      this.loading.set(false);
    }
  }

  private reset(): void {
    this.loadError.set('');
    this.error.set('');
    this.problems.set({});
    this.saved.set('');
    this.keyError.set('');
    this.keyResult.set('');
    this.reason.set('');
  }

  /** A draft as the new starting point: the languages it uses are shown, with kk and ru. */
  private show(d: Draft): void {
    this.draft.set(d);
    this.baseline.set(JSON.stringify(d));
    const used = new Set<Lang>(['kk', 'ru', ...draftLangs(d)]);
    this.langs.set(LANG_CODES.filter((l) => used.has(l)));
  }

  private failed(e: unknown, into: (form: string) => void): void {
    const { form, fields } = formErrors(e, this.i18n.t('error.unknown'));
    into(form);
    this.problems.set(itemProblems(fields));
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    this.busy.set(true);
    this.error.set('');
    this.saved.set('');
    this.problems.set({});
    const draft = this.draft();
    const definition = toDefinition(draft);
    const before = this.record();
    try {
      const rec = before
        ? await this.api.revise(before.id, definition)
        : await this.api.addItem(this.id(), draft.key.trim() || null, definition);
      this.record.set(rec);
      // The server's ids for new rows come back in the definition: later saves must keep them.
      this.show(fromDefinition(rec.definition, rec.key));
      this.saved.set(
        before && before.version === rec.version
          ? this.t('noNewVersion', { version: rec.version })
          : this.t('savedVersion', { version: rec.version }),
      );
      if (!before) {
        // The item is saved: a failed navigation leaves it on screen, not as a failed save.
        await this.router
          .navigate(['/staff/banks', this.id(), 'items', rec.id], { replaceUrl: true })
          .catch(() => false);
      }
    } catch (e) {
      this.failed(e, (form) => this.error.set(form));
    } finally {
      this.busy.set(false);
    }
  }

  protected async archive(): Promise<void> {
    const rec = this.record();
    if (!rec || !confirm(this.t('archiveConfirm'))) return;
    this.error.set('');
    try {
      await this.api.archive(rec.id);
      this.record.set(await this.api.item(rec.id));
      this.saved.set(this.t('archivedDone'));
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    }
  }

  /** The form's key, written over the current version in place; its attempts are regraded. */
  protected async correctKey(): Promise<void> {
    const rec = this.record();
    this.keyError.set('');
    this.keyResult.set('');
    if (!rec) return;
    const reason = this.reason().trim();
    if (!reason) {
      this.keyError.set(this.t('reasonRequired'));
      return;
    }
    this.busy.set(true);
    this.problems.set({});
    try {
      const r = await this.api.correctKey(rec.id, rec.version, toDefinition(this.draft()), reason);
      this.keyResult.set(
        this.t('regraded', { version: r.version, regraded: r.regraded, changed: r.changed }),
      );
      this.reason.set('');
      const fresh = await this.api.item(rec.id);
      this.record.set(fresh);
      this.show(fromDefinition(fresh.definition, fresh.key));
    } catch (e) {
      this.failed(e, (form) => this.keyError.set(form));
    } finally {
      this.busy.set(false);
    }
  }

  /** For the route's guard: leave at once when nothing is unsaved, else when the author agrees. */
  canLeave(): boolean {
    return !this.dirty() || confirm(this.t('leaveUnsaved'));
  }

  protected beforeUnload(e: BeforeUnloadEvent): void {
    if (this.dirty()) e.preventDefault();
  }
}
