import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import type { LadderLevel } from '@qadam/contracts';
import { injectText } from '../i18n/dictionary';
import { I18n } from '../i18n/i18n';
import type { CompetencyOption } from './authoring-api';
import { AUTHORING_TEXT } from './authoring.text';

const LEVELS = new Set(['acquire', 'deepen', 'create']);

/**
 * Tags something with competencies of the frameworks: the chosen ones with their names, and a
 * searchable list (by code or name in any language, by framework) to add more. The list is drawn
 * only while open, so a course of forty lessons does not carry forty copies of it.
 */
@Component({
  selector: 'q-competency-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="picker" [disabled]="disabled()">
      <legend>{{ label() }}</legend>
      @if (selected().length === 0) {
        <p class="q-meta">{{ t('picker.none') }}</p>
      } @else {
        <ul class="chips">
          @for (code of selected(); track code) {
            <li [attr.data-code]="code">
              <span class="code">{{ code }}</span> {{ nameOf(code) }}
              @if (!disabled()) {
                <button type="button" class="q-link" (click)="remove(code)">
                  <span aria-hidden="true">×</span
                  ><span class="q-visually-hidden">{{ t('picker.remove', { code }) }}</span>
                </button>
              }
            </li>
          }
        </ul>
      }
      @if (!disabled()) {
        <details (toggle)="open.set($any($event.target).open)">
          <summary>{{ t('picker.add') }}</summary>
          @if (open()) {
            <div class="q-row">
              <label class="q-field">
                <span>{{ t('picker.search') }}</span>
                <input
                  type="search"
                  name="competency-search"
                  [value]="query()"
                  (input)="query.set($any($event.target).value)"
                />
              </label>
              <label class="q-field">
                <span>{{ t('picker.framework') }}</span>
                <select
                  name="competency-framework"
                  (change)="framework.set($any($event.target).value)"
                >
                  <option value="">{{ t('picker.allFrameworks') }}</option>
                  @for (f of frameworks(); track f.code) {
                    <option [value]="f.code" [selected]="f.code === framework()">
                      {{ f.title }}
                    </option>
                  }
                </select>
              </label>
            </div>
            @if (options().length === 0) {
              <p class="q-meta">{{ t('picker.unavailable') }}</p>
            }
            <ul class="options">
              @for (o of filtered(); track o.code) {
                <li [class.nested]="o.kind === 'indicator'">
                  <label>
                    <input
                      type="checkbox"
                      name="competency"
                      [value]="o.code"
                      [attr.data-code]="o.code"
                      [checked]="selected().includes(o.code)"
                      (change)="toggle(o.code, $any($event.target).checked)"
                    />
                    <span
                      ><span class="code">{{ o.code }}</span> {{ i18n.pick(o.name) }}</span
                    >
                    @if (levelOf(o); as l) {
                      <span class="q-meta">· {{ i18n.level(l) }}</span>
                    }
                  </label>
                </li>
              } @empty {
                @if (options().length > 0) {
                  <li class="q-meta">{{ t('picker.nothing') }}</li>
                }
              }
            </ul>
          }
        </details>
      }
    </fieldset>
  `,
  styleUrl: './authoring.css',
})
export class CompetencyPicker {
  protected readonly t = injectText(AUTHORING_TEXT);
  protected readonly i18n = inject(I18n);
  readonly options = input<CompetencyOption[]>([]);
  readonly selected = input<string[]>([]);
  readonly label = input.required<string>();
  readonly disabled = input(false);
  readonly selectedChange = output<string[]>();

  protected readonly open = signal(false);
  protected readonly query = signal('');
  protected readonly framework = signal('');

  private readonly byCode = computed(() => new Map(this.options().map((o) => [o.code, o])));

  protected readonly frameworks = computed(() => {
    const seen = new Map<string, string>();
    for (const o of this.options())
      if (!seen.has(o.framework)) seen.set(o.framework, this.i18n.pick(o.frameworkTitle));
    return [...seen].map(([code, title]) => ({ code, title }));
  });

  protected readonly filtered = computed(() => {
    const q = this.query().trim().toLocaleLowerCase();
    const fw = this.framework();
    return this.options().filter(
      (o) =>
        (!fw || o.framework === fw) &&
        (!q ||
          o.code.toLocaleLowerCase().includes(q) ||
          Object.values(o.name).some((n) => n?.toLocaleLowerCase().includes(q))),
    );
  });

  protected nameOf(code: string): string {
    return this.i18n.pick(this.byCode().get(code)?.name);
  }

  protected levelOf(o: CompetencyOption): LadderLevel | null {
    return o.level && LEVELS.has(o.level) ? (o.level as LadderLevel) : null;
  }

  protected toggle(code: string, on: boolean): void {
    const rest = this.selected().filter((c) => c !== code);
    this.selectedChange.emit(on ? [...rest, code] : rest);
  }

  protected remove(code: string): void {
    this.toggle(code, false);
  }
}
