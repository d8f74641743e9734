import { ChangeDetectionStrategy, Component } from '@angular/core';
import { DraftForm } from './draft-form';
import {
  type DraftAnswer,
  type DraftNumeric,
  newAnswer,
  newNumeric,
  removeAt,
  replaceAt,
} from './item-draft';
import { TextsField } from './texts-field';

/** Short answer (accepted texts, `*` wildcard) and numeric (values with a tolerance). */
@Component({
  selector: 'q-answer-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TextsField],
  template: `
    @let d = draft();
    <fieldset class="sub">
      <legend>{{ t('acceptedAnswers') }}</legend>
      <p class="q-meta">
        {{ d.type === 'short_answer' ? t('shortAnswerHelp') : t('numericHelp') }}
      </p>
      @for (p of at('answers', true); track $index) {
        <p class="q-error">{{ p }}</p>
      }
      @if (d.type === 'short_answer') {
        @for (a of d.answers; track $index; let i = $index) {
          <div class="entry" [attr.data-answer]="i">
            <div class="q-row">
              <label class="q-field grow">
                <span>{{ t('answerN', { n: i + 1 }) }}</span>
                <input
                  [name]="'answers[' + i + '].text'"
                  [value]="a.text"
                  (input)="setText(i, { text: value($event) })"
                />
              </label>
              <label class="q-field fraction">
                <span>{{ t('fractionDefault') }}</span>
                <input
                  type="number"
                  step="any"
                  min="0"
                  max="100"
                  [name]="'answers[' + i + '].fraction'"
                  [value]="a.fraction"
                  (input)="setText(i, { fraction: value($event) })"
                />
              </label>
              <button
                type="button"
                class="secondary"
                [attr.aria-label]="t('removeAnswerN', { n: i + 1 })"
                (click)="patch({ answers: removeAt(d.answers, i) })"
              >
                {{ t('remove') }}
              </button>
            </div>
            @for (
              p of at('answers[' + i + '].text').concat(at('answers[' + i + '].fraction'));
              track $index
            ) {
              <p class="q-error">{{ p }}</p>
            }
            <details>
              <summary>{{ t('answerFeedback') }}</summary>
              <q-texts
                [label]="t('answerFeedbackN', { n: i + 1 })"
                [name]="'answers[' + i + '].feedback'"
                [value]="a.feedback"
                [langs]="langs()"
                [problems]="at('answers[' + i + '].feedback')"
                (changed)="setText(i, { feedback: $event })"
              />
            </details>
          </div>
        }
        <button
          type="button"
          class="secondary"
          name="addAnswer"
          (click)="patch({ answers: [...d.answers, text()] })"
        >
          {{ t('addAnswer') }}
        </button>
        <label class="inline">
          <input
            type="checkbox"
            name="caseSensitive"
            [checked]="d.caseSensitive"
            (change)="patch({ caseSensitive: checked($event) })"
          />
          {{ t('caseSensitive') }}
        </label>
      } @else {
        @for (a of d.numeric; track $index; let i = $index) {
          <div class="entry" [attr.data-answer]="i">
            <div class="q-row">
              <label class="q-field">
                <span>{{ t('valueN', { n: i + 1 }) }}</span>
                <input
                  inputmode="decimal"
                  [name]="'answers[' + i + '].value'"
                  [value]="a.value"
                  (input)="setNumber(i, { value: value($event) })"
                />
              </label>
              <label class="q-field">
                <span>{{ t('tolerance') }}</span>
                <input
                  inputmode="decimal"
                  [name]="'answers[' + i + '].tolerance'"
                  [value]="a.tolerance"
                  (input)="setNumber(i, { tolerance: value($event) })"
                />
              </label>
              <label class="q-field fraction">
                <span>{{ t('fractionDefault') }}</span>
                <input
                  type="number"
                  step="any"
                  min="0"
                  max="100"
                  [name]="'answers[' + i + '].fraction'"
                  [value]="a.fraction"
                  (input)="setNumber(i, { fraction: value($event) })"
                />
              </label>
              <button
                type="button"
                class="secondary"
                [attr.aria-label]="t('removeAnswerN', { n: i + 1 })"
                (click)="patch({ numeric: removeAt(d.numeric, i) })"
              >
                {{ t('remove') }}
              </button>
            </div>
            @for (p of numberProblems(i); track $index) {
              <p class="q-error">{{ p }}</p>
            }
            <details>
              <summary>{{ t('answerFeedback') }}</summary>
              <q-texts
                [label]="t('answerFeedbackN', { n: i + 1 })"
                [name]="'answers[' + i + '].feedback'"
                [value]="a.feedback"
                [langs]="langs()"
                [problems]="at('answers[' + i + '].feedback')"
                (changed)="setNumber(i, { feedback: $event })"
              />
            </details>
          </div>
        }
        <button
          type="button"
          class="secondary"
          name="addAnswer"
          (click)="patch({ numeric: [...d.numeric, number()] })"
        >
          {{ t('addAnswer') }}
        </button>
      }
    </fieldset>
  `,
  styleUrl: './item-editor.css',
})
export class AnswerFields extends DraftForm {
  protected readonly text = newAnswer;
  protected readonly number = newNumeric;
  protected readonly removeAt = removeAt;

  protected setText(i: number, p: Partial<DraftAnswer>): void {
    const list = this.draft().answers;
    this.patch({ answers: replaceAt(list, i, { ...list[i], ...p }) });
  }

  protected setNumber(i: number, p: Partial<DraftNumeric>): void {
    const list = this.draft().numeric;
    this.patch({ numeric: replaceAt(list, i, { ...list[i], ...p }) });
  }

  protected numberProblems(i: number): string[] {
    return ['value', 'tolerance', 'fraction'].flatMap((f) => this.at(`answers[${i}].${f}`));
  }
}
