import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { I18n } from '../i18n/i18n';
import { injectText } from '../i18n/dictionary';
import { BanksApi, type CompetencyChoice } from './banks-api';
import { BANKS_TEXT } from './banks.text';

const MAX_MATCHES = 8;

/** Competency codes from the frameworks: the chosen ones, and a search to add more. */
@Component({
  selector: 'q-competency-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="picker" [attr.data-picker]="name()">
      <legend>{{ label() }}</legend>
      @if (selected().length) {
        <ul class="chosen">
          @for (code of selected(); track code) {
            <li [attr.data-code]="code">
              <span
                ><strong>{{ code }}</strong> {{ nameOf(code) }}</span
              >
              <button
                type="button"
                class="q-link"
                [attr.aria-label]="t('removeCompetency', { code })"
                (click)="remove(code)"
              >
                {{ t('remove') }}
              </button>
            </li>
          }
        </ul>
      } @else {
        <p class="q-meta">{{ t('noCompetencies') }}</p>
      }
      <label class="q-field">
        <span>{{ t('searchCompetency') }}</span>
        <input
          type="search"
          autocomplete="off"
          [name]="name() + '.search'"
          [value]="query()"
          (input)="query.set($any($event.target).value)"
        />
      </label>
      @if (query().trim()) {
        <ul class="matches" [attr.aria-label]="t('competencyMatches')">
          @for (c of matches(); track c.code) {
            <li>
              <button type="button" class="q-link" [attr.data-code]="c.code" (click)="add(c.code)">
                {{ c.code }} — {{ i18n.pick(c.name) }}
              </button>
            </li>
          } @empty {
            <li class="q-meta">{{ t('noMatches') }}</li>
          }
        </ul>
      }
      @if (loadError()) {
        <p class="q-error" role="alert">{{ loadError() }}</p>
      }
      @for (p of problems(); track $index) {
        <p class="q-error">{{ p }}</p>
      }
    </fieldset>
  `,
  styles: `
    .picker {
      border: 0;
      padding: 0;
      margin: 0;
      min-width: 0;
      display: grid;
      gap: 0.4rem;
    }
    legend {
      font-weight: 600;
      padding: 0;
      margin-bottom: 0.25rem;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.25rem;
    }
    .chosen li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: baseline;
    }
    .matches {
      max-height: 14rem;
      overflow-y: auto;
    }
    .matches button {
      text-align: left;
    }
    .q-error {
      margin: 0;
    }
  `,
})
export class CompetencyPicker {
  protected readonly t = injectText(BANKS_TEXT);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(BanksApi);
  readonly label = input.required<string>();
  readonly name = input.required<string>();
  readonly selected = input.required<readonly string[]>();
  readonly problems = input<string[]>([]);
  readonly changed = output<string[]>();

  protected readonly query = signal('');
  protected readonly all = signal<CompetencyChoice[]>([]);
  protected readonly loadError = signal('');

  /** Codes starting with what was typed first, then names containing it, in any language. */
  protected readonly matches = computed(() => {
    const q = this.query().trim().toLocaleLowerCase();
    const chosen = new Set(this.selected());
    const hits = this.all().filter(
      (c) =>
        !chosen.has(c.code) &&
        (c.code.toLocaleLowerCase().includes(q) ||
          Object.values(c.name).some((n) => n?.toLocaleLowerCase().includes(q))),
    );
    const local = (c: CompetencyChoice) => c.code.slice(c.code.indexOf(':') + 1);
    hits.sort((a, b) => Number(!local(a).startsWith(q)) - Number(!local(b).startsWith(q)));
    return hits.slice(0, MAX_MATCHES);
  });

  constructor() {
    this.api.competencies().then(
      (list) => this.all.set(list),
      (e) => this.loadError.set(this.i18n.errorText(e)),
    );
  }

  protected nameOf(code: string): string {
    return this.i18n.pick(this.all().find((c) => c.code === code)?.name);
  }

  protected add(code: string): void {
    this.changed.emit([...this.selected(), code]);
    this.query.set('');
  }

  protected remove(code: string): void {
    this.changed.emit(this.selected().filter((c) => c !== code));
  }
}
