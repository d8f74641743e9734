import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { Lang } from '@qadam/contracts';
import { injectText } from '../i18n/dictionary';
import { BANKS_TEXT } from './banks.text';
import type { Texts } from './item-draft';

/**
 * One author's text in the languages being edited: a fieldset with an input per language, named
 * as the API names the field (`options[0].text.kk`), with the API's problems for it underneath.
 */
@Component({
  selector: 'q-texts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="texts" [class.invalid]="problems().length > 0">
      <legend>{{ label() }}</legend>
      @for (l of langs(); track l) {
        <label>
          <span class="lang">{{ t(langKey(l)) }}</span>
          @if (multiline()) {
            <textarea
              rows="3"
              [name]="name() + '.' + l"
              [attr.lang]="l"
              [value]="value()[l]"
              [attr.aria-invalid]="problems().length > 0 || null"
              (input)="set(l, $any($event.target).value)"
            ></textarea>
          } @else {
            <input
              [name]="name() + '.' + l"
              [attr.lang]="l"
              [value]="value()[l]"
              [attr.aria-invalid]="problems().length > 0 || null"
              (input)="set(l, $any($event.target).value)"
            />
          }
        </label>
      }
      @for (p of problems(); track $index) {
        <p class="q-error">{{ p }}</p>
      }
    </fieldset>
  `,
  styles: `
    .texts {
      display: grid;
      gap: 0.35rem;
      border: 0;
      padding: 0;
      margin: 0;
      min-width: 0;
    }
    legend {
      font-weight: 600;
      padding: 0;
      margin-bottom: 0.25rem;
    }
    label {
      display: grid;
      grid-template-columns: 5.5rem 1fr;
      gap: 0.5rem;
      align-items: start;
    }
    .lang {
      color: var(--q-muted);
      font-size: 0.9rem;
      padding-top: 0.3rem;
    }
    input,
    textarea {
      width: 100%;
      min-width: 0;
      box-sizing: border-box;
    }
    .q-error {
      margin: 0;
    }
  `,
})
export class TextsField {
  protected readonly t = injectText(BANKS_TEXT);
  readonly label = input.required<string>();
  readonly name = input.required<string>();
  readonly value = input.required<Texts>();
  readonly langs = input.required<readonly Lang[]>();
  readonly multiline = input(false);
  readonly problems = input<string[]>([]);
  readonly changed = output<Texts>();

  protected langKey(l: Lang) {
    return `lang.${l}` as const;
  }

  protected set(l: Lang, text: string): void {
    this.changed.emit({ ...this.value(), [l]: text });
  }
}
