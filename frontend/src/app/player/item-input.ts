import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { AttemptItemView, ItemResponse } from '@qadam/contracts';
import { I18n } from '../i18n/i18n';

/** One item's answer control, by type; emits the response in the API's shape. */
@Component({
  selector: 'q-item-input',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let it = item();
    <fieldset [disabled]="disabled()">
      <legend class="prompt">{{ it.prompt }}</legend>
      @switch (it.type) {
        @case ('single') {
          @for (o of it.options ?? []; track o.id) {
            <label class="choice">
              <input
                type="radio"
                [name]="it.id"
                [value]="o.id"
                [checked]="response() === o.id"
                (change)="changed.emit(o.id)"
              />
              <span>{{ o.text }}</span>
            </label>
          }
        }
        @case ('multiple') {
          <p class="hint">{{ i18n.t('player.chooseAll') }}</p>
          @for (o of it.options ?? []; track o.id) {
            <label class="choice">
              <input
                type="checkbox"
                [value]="o.id"
                [checked]="chosen().includes(o.id)"
                (change)="toggle(o.id, $any($event.target).checked)"
              />
              <span>{{ o.text }}</span>
            </label>
          }
        }
        @case ('true_false') {
          <label class="choice">
            <input
              type="radio"
              [name]="it.id"
              [checked]="response() === true"
              (change)="changed.emit(true)"
            />
            <span>{{ i18n.t('player.true') }}</span>
          </label>
          <label class="choice">
            <input
              type="radio"
              [name]="it.id"
              [checked]="response() === false"
              (change)="changed.emit(false)"
            />
            <span>{{ i18n.t('player.false') }}</span>
          </label>
        }
        @case ('matching') {
          @for (s of it.stems ?? []; track s.id) {
            <label class="match">
              <span>{{ s.text }}</span>
              <select [attr.data-stem]="s.id" (change)="match(s.id, $any($event.target).value)">
                <option value="">{{ i18n.t('auth.choose') }}</option>
                @for (o of it.options ?? []; track o.id) {
                  <option [value]="o.id" [selected]="pairs()[s.id] === o.id">{{ o.text }}</option>
                }
              </select>
            </label>
          }
        }
        @case ('ordering') {
          <p class="hint">{{ i18n.t('player.orderHint') }}</p>
          <ol class="order">
            @for (id of order(); track id; let i = $index; let last = $last) {
              <li [attr.data-id]="id">
                <span>{{ optionText(id) }}</span>
                <button
                  type="button"
                  class="secondary"
                  [disabled]="i === 0"
                  [attr.aria-label]="i18n.t('player.moveUp') + ': ' + optionText(id)"
                  (click)="move(i, -1)"
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="secondary"
                  [disabled]="last"
                  [attr.aria-label]="i18n.t('player.moveDown') + ': ' + optionText(id)"
                  (click)="move(i, 1)"
                >
                  ↓
                </button>
              </li>
            }
          </ol>
        }
        @case ('short_answer') {
          <input
            type="text"
            maxlength="1000"
            [attr.aria-label]="i18n.t('player.yourAnswer')"
            [value]="text()"
            (input)="changed.emit($any($event.target).value)"
          />
        }
        @case ('numeric') {
          <input
            type="text"
            inputmode="decimal"
            [attr.aria-label]="i18n.t('player.yourAnswer')"
            [value]="text()"
            (input)="changed.emit($any($event.target).value)"
          />
        }
        @default {
          <textarea
            rows="10"
            [attr.maxlength]="it.maxLength ?? 20000"
            [attr.aria-label]="i18n.t('player.yourAnswer')"
            [value]="text()"
            (input)="changed.emit($any($event.target).value)"
          ></textarea>
          <p class="hint">
            {{ i18n.t('player.characters', { count: text().length, max: it.maxLength ?? 20000 }) }}
          </p>
          @if (it.rubric?.length) {
            <details>
              <summary>{{ i18n.t('player.rubric') }}</summary>
              <ul>
                @for (c of it.rubric; track c.id) {
                  <li>{{ c.title }}</li>
                }
              </ul>
            </details>
          }
        }
      }
    </fieldset>
  `,
  styles: `
    fieldset {
      border: 0;
      padding: 0;
      margin: 0;
      min-width: 0;
    }
    .prompt {
      font-weight: 600;
      margin-bottom: 0.75rem;
      white-space: pre-line;
    }
    .choice {
      display: flex;
      gap: 0.6rem;
      align-items: baseline;
      padding: 0.45rem 0.25rem;
      border-radius: var(--q-radius);
    }
    .choice:hover {
      background: var(--q-bg);
    }
    .match {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      margin: 0.5rem 0;
    }
    .match span {
      flex: 1 1 12rem;
    }
    .match select {
      flex: 1 1 12rem;
      max-width: 100%;
    }
    .order li {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin: 0.3rem 0;
    }
    .order li span {
      flex: 1;
    }
    .order button {
      padding: 0.2rem 0.6rem;
    }
    input[type='text'],
    textarea {
      width: 100%;
    }
    .hint {
      color: var(--q-muted);
      font-size: 0.9rem;
    }
  `,
})
export class ItemInput {
  protected readonly i18n = inject(I18n);
  readonly item = input.required<AttemptItemView>();
  readonly response = input<ItemResponse | undefined>(undefined);
  readonly disabled = input(false);
  readonly changed = output<ItemResponse>();

  protected readonly chosen = computed(() => {
    const r = this.response();
    return Array.isArray(r) ? r : [];
  });
  protected readonly pairs = computed(() => {
    const r = this.response();
    return r && typeof r === 'object' && !Array.isArray(r) ? r : ({} as Record<string, string>);
  });
  protected readonly text = computed(() => {
    const r = this.response();
    return typeof r === 'string' || typeof r === 'number' ? String(r) : '';
  });
  /** Ordering: the teacher's order so far, else the order shown. */
  protected readonly order = computed(() => {
    const r = this.response();
    return Array.isArray(r) && r.length ? r : (this.item().options ?? []).map((o) => o.id);
  });

  protected optionText(id: string): string {
    return this.item().options?.find((o) => o.id === id)?.text ?? id;
  }

  protected toggle(id: string, on: boolean): void {
    const next = on ? [...this.chosen(), id] : this.chosen().filter((x) => x !== id);
    this.changed.emit(next.length ? next : null);
  }

  protected match(stemId: string, optionId: string): void {
    const next = { ...this.pairs() };
    if (optionId) next[stemId] = optionId;
    else delete next[stemId];
    this.changed.emit(Object.keys(next).length ? next : null);
  }

  protected move(i: number, by: number): void {
    const next = [...this.order()];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    this.changed.emit(next);
  }
}
