import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { MultipleScoring } from '@qadam/contracts';
import { DraftForm } from './draft-form';
import { type DraftOption, newOption, removeAt, replaceAt } from './item-draft';
import { TextsField } from './texts-field';

const MULTIPLE_SCORINGS: MultipleScoring[] = ['all_or_nothing', 'partial', 'fractions'];

/** Single choice, multiple choice and true/false: options with their key, or the one answer. */
@Component({
  selector: 'q-choice-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TextsField],
  template: `
    @let d = draft();
    @if (d.type === 'true_false') {
      <fieldset class="sub">
        <legend>{{ t('tfAnswer') }}</legend>
        <label class="inline">
          <input
            type="radio"
            name="answer"
            value="true"
            [checked]="d.answer"
            (change)="patch({ answer: true })"
          />
          {{ t('true') }}
        </label>
        <label class="inline">
          <input
            type="radio"
            name="answer"
            value="false"
            [checked]="!d.answer"
            (change)="patch({ answer: false })"
          />
          {{ t('false') }}
        </label>
      </fieldset>
    } @else {
      @if (d.type === 'multiple') {
        <label class="q-field">
          <span>{{ t('scoring') }}</span>
          <select name="scoring" (change)="patch({ scoring: $any(value($event)) })">
            @for (s of scorings; track s) {
              <option [value]="s" [selected]="d.scoring === s">{{ t(scoringKey(s)) }}</option>
            }
          </select>
        </label>
        <p class="q-meta">{{ t(scoringHelpKey(d.scoring)) }}</p>
      }
      <fieldset class="sub">
        <legend>{{ t('options') }}</legend>
        @if (d.type === 'single') {
          <p class="q-meta">{{ t('singleHelp') }}</p>
        }
        @for (p of at('options', true); track $index) {
          <p class="q-error">{{ p }}</p>
        }
        @for (o of d.options; track $index; let i = $index) {
          <div class="entry" [attr.data-option]="i">
            <q-texts
              [label]="t('optionN', { n: i + 1 })"
              [name]="'options[' + i + '].text'"
              [value]="o.text"
              [langs]="langs()"
              [problems]="at('options[' + i + '].text')"
              (changed)="setOption(i, { text: $event })"
            />
            <div class="q-row">
              @if (d.type === 'single') {
                <label class="inline">
                  <input
                    type="radio"
                    name="correct"
                    [value]="i"
                    [checked]="o.correct"
                    (change)="markOnly(i)"
                  />
                  {{ t('correctOption') }}
                </label>
              } @else {
                <label class="inline">
                  <input
                    type="checkbox"
                    [name]="'options[' + i + '].correct'"
                    [checked]="o.correct"
                    (change)="setOption(i, { correct: checked($event) })"
                  />
                  {{ t('correctOption') }}
                </label>
              }
              @if (d.type === 'single' || d.scoring === 'fractions') {
                <label class="q-field fraction">
                  <span>{{ d.type === 'single' ? t('fractionOptional') : t('fraction') }}</span>
                  <input
                    type="number"
                    step="any"
                    min="-100"
                    max="100"
                    [name]="'options[' + i + '].fraction'"
                    [value]="o.fraction"
                    (input)="setOption(i, { fraction: value($event) })"
                  />
                </label>
              }
              <button
                type="button"
                class="secondary"
                [attr.aria-label]="t('removeOptionN', { n: i + 1 })"
                (click)="patch({ options: remove(i) })"
              >
                {{ t('remove') }}
              </button>
            </div>
            @for (p of at('options[' + i + '].fraction'); track $index) {
              <p class="q-error">{{ p }}</p>
            }
            <details [open]="hasFeedback(o)">
              <summary>{{ t('optionFeedback') }}</summary>
              <q-texts
                [label]="t('optionFeedbackN', { n: i + 1 })"
                [name]="'options[' + i + '].feedback'"
                [value]="o.feedback"
                [langs]="langs()"
                [problems]="at('options[' + i + '].feedback')"
                (changed)="setOption(i, { feedback: $event })"
              />
            </details>
          </div>
        }
        <button
          type="button"
          class="secondary"
          name="addOption"
          (click)="patch({ options: [...d.options, blank()] })"
        >
          {{ t('addOption') }}
        </button>
      </fieldset>
    }
  `,
  styleUrl: './item-editor.css',
})
export class ChoiceFields extends DraftForm {
  protected readonly scorings = MULTIPLE_SCORINGS;
  protected readonly blank = newOption;

  protected scoringKey(s: MultipleScoring) {
    return `scoring.${s}` as const;
  }
  protected scoringHelpKey(s: MultipleScoring) {
    return `scoringHelp.${s}` as const;
  }

  protected setOption(i: number, p: Partial<DraftOption>): void {
    const options = this.draft().options;
    this.patch({ options: replaceAt(options, i, { ...options[i], ...p }) });
  }

  /** Single choice: marking one option correct unmarks the others. */
  protected markOnly(i: number): void {
    this.patch({ options: this.draft().options.map((o, j) => ({ ...o, correct: j === i })) });
  }

  protected remove(i: number): DraftOption[] {
    return removeAt(this.draft().options, i);
  }

  protected hasFeedback(o: DraftOption): boolean {
    return Object.values(o.feedback).some((s) => s.trim() !== '');
  }
}
