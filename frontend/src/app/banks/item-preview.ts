import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import type { AttemptItemView, ItemResponse, Lang } from '@qadam/contracts';
import { ItemInput } from '../player/item-input';
import { injectText } from '../i18n/dictionary';
import { BANKS_TEXT } from './banks.text';
import type { Draft, Texts } from './item-draft';

/**
 * The item as a teacher taking the test will see it, in one language, drawn by the player's own
 * answer control (the key stays out, as the server's teacher view leaves it out). Answers typed
 * here go nowhere.
 */
@Component({
  selector: 'q-item-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ItemInput],
  template: `
    <div class="preview" [attr.lang]="lang()">
      <p class="q-meta">{{ t('previewPoints', { points: view().points }) }}</p>
      <q-item-input [item]="view()" [response]="response()" (changed)="response.set($event)" />
    </div>
  `,
  styles: `
    .preview {
      border: 1px dashed var(--q-border);
      border-radius: var(--q-radius);
      padding: 0.75rem;
    }
  `,
})
export class ItemPreview {
  protected readonly t = injectText(BANKS_TEXT);
  readonly draft = input.required<Draft>();
  readonly lang = input.required<Lang>();
  protected readonly response = signal<ItemResponse | undefined>(undefined);

  protected readonly view = computed<AttemptItemView>(() => {
    const d = this.draft();
    const text = (x: Texts) => x[this.lang()].trim() || this.t('noTextInLang');
    // Index-based ids: rows of a new item have none yet, and the player tracks by id.
    const list = (rows: { text: Texts }[], prefix: string) =>
      rows.map((r, i) => ({ id: `${prefix}${i}`, text: text(r.text) }));
    const view: AttemptItemView = {
      id: 'preview',
      type: d.type,
      prompt: text(d.prompt),
      points: Number(d.points.replace(',', '.')) || this.defaultPoints(d),
      section: '',
    };
    switch (d.type) {
      case 'single':
      case 'multiple':
        return { ...view, options: list(d.options, 'o') };
      case 'matching':
        return {
          ...view,
          stems: list(
            d.pairs.map((p) => p.left),
            'l',
          ),
          options: [
            ...list(
              d.pairs.map((p) => p.right),
              'r',
            ),
            ...list(d.distractors, 'd'),
          ],
        };
      case 'ordering':
        return { ...view, options: list(d.sequence, 's') };
      case 'essay':
      case 'task':
        return {
          ...view,
          maxLength: Number(d.maxLength) || undefined,
          rubric: d.rubric.map((c, i) => ({
            id: `c${i}`,
            title: text(c.title),
            levels: c.levels.map((l, j) => ({ id: `c${i}l${j}`, title: text(l.title) })),
          })),
        };
      default:
        return view;
    }
  });

  /** Objective items are worth 1 by default; hand-graded ones their rubric's best total. */
  private defaultPoints(d: Draft): number {
    if (d.type !== 'essay' && d.type !== 'task') return 1;
    return d.rubric.reduce(
      (sum, c) => sum + Math.max(0, ...c.levels.map((l) => Number(l.points) || 0)),
      0,
    );
  }
}
