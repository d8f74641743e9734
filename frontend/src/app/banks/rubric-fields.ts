import { ChangeDetectionStrategy, Component } from '@angular/core';
import { CompetencyPicker } from './competency-picker';
import { DraftForm } from './draft-form';
import {
  type DraftCriterion,
  type DraftLevel,
  newCriterion,
  newLevel,
  removeAt,
  replaceAt,
} from './item-draft';
import { TextsField } from './texts-field';

/** Essay and task: the rubric (criteria with competencies, levels with points) and max length. */
@Component({
  selector: 'q-rubric-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TextsField, CompetencyPicker],
  template: `
    @let d = draft();
    <fieldset class="sub">
      <legend>{{ t('rubric') }}</legend>
      <p class="q-meta">{{ t('rubricHelp') }}</p>
      @for (p of at('rubric', true).concat(at('rubric.criteria', true)); track $index) {
        <p class="q-error">{{ p }}</p>
      }
      @for (c of d.rubric; track $index; let i = $index) {
        @let path = 'rubric.criteria[' + i + ']';
        <section class="entry criterion" [attr.data-criterion]="i">
          <h3>{{ t('criterionN', { n: i + 1 }) }}</h3>
          <q-texts
            [label]="t('criterionTitle')"
            [name]="path + '.title'"
            [value]="c.title"
            [langs]="langs()"
            [problems]="at(path + '.title')"
            (changed)="setCriterion(i, { title: $event })"
          />
          <q-competency-picker
            [label]="t('criterionCompetencies')"
            [name]="path + '.competencies'"
            [selected]="c.competencies"
            [problems]="at(path + '.competencies')"
            (changed)="setCriterion(i, { competencies: $event })"
          />
          <fieldset class="sub levels">
            <legend>{{ t('levels') }}</legend>
            @for (p of at(path + '.levels', true); track $index) {
              <p class="q-error">{{ p }}</p>
            }
            @for (l of c.levels; track $index; let j = $index) {
              @let lp = path + '.levels[' + j + ']';
              <div class="entry" [attr.data-level]="j">
                <q-texts
                  [label]="t('levelN', { n: j + 1 })"
                  [name]="lp + '.title'"
                  [value]="l.title"
                  [langs]="langs()"
                  [problems]="at(lp + '.title')"
                  (changed)="setLevel(i, j, { title: $event })"
                />
                <div class="q-row">
                  <label class="q-field fraction">
                    <span>{{ t('levelPoints') }}</span>
                    <input
                      type="number"
                      step="any"
                      min="0"
                      max="100"
                      [name]="lp + '.points'"
                      [value]="l.points"
                      (input)="setLevel(i, j, { points: value($event) })"
                    />
                  </label>
                  <label class="inline">
                    <input
                      type="checkbox"
                      [name]="lp + '.meets'"
                      [checked]="l.meets"
                      (change)="setLevel(i, j, { meets: checked($event) })"
                    />
                    {{ t('meets') }}
                  </label>
                  <button
                    type="button"
                    class="secondary"
                    [attr.aria-label]="t('removeLevelN', { n: j + 1, c: i + 1 })"
                    (click)="setCriterion(i, { levels: removeAt(c.levels, j) })"
                  >
                    {{ t('remove') }}
                  </button>
                </div>
                @for (p of at(lp + '.points'); track $index) {
                  <p class="q-error">{{ p }}</p>
                }
              </div>
            }
            <button
              type="button"
              class="secondary"
              [name]="path + '.addLevel'"
              (click)="setCriterion(i, { levels: [...c.levels, level(c.levels.length)] })"
            >
              {{ t('addLevel') }}
            </button>
          </fieldset>
          <button
            type="button"
            class="secondary"
            [attr.aria-label]="t('removeCriterionN', { n: i + 1 })"
            (click)="patch({ rubric: removeAt(d.rubric, i) })"
          >
            {{ t('removeCriterion') }}
          </button>
        </section>
      }
      <button
        type="button"
        class="secondary"
        name="addCriterion"
        (click)="patch({ rubric: [...d.rubric, criterion()] })"
      >
        {{ t('addCriterion') }}
      </button>
    </fieldset>
    <label class="q-field">
      <span>{{ t('maxLength') }}</span>
      <input
        type="number"
        min="1"
        max="100000"
        name="maxLength"
        [value]="d.maxLength"
        (input)="patch({ maxLength: value($event) })"
      />
    </label>
    @for (p of at('maxLength'); track $index) {
      <p class="q-error">{{ p }}</p>
    }
  `,
  styleUrl: './item-editor.css',
})
export class RubricFields extends DraftForm {
  protected readonly criterion = newCriterion;
  protected readonly removeAt = removeAt;
  protected level(points: number): DraftLevel {
    return newLevel(points);
  }

  protected setCriterion(i: number, p: Partial<DraftCriterion>): void {
    const list = this.draft().rubric;
    this.patch({ rubric: replaceAt(list, i, { ...list[i], ...p }) });
  }

  protected setLevel(i: number, j: number, p: Partial<DraftLevel>): void {
    const levels = this.draft().rubric[i].levels;
    this.setCriterion(i, { levels: replaceAt(levels, j, { ...levels[j], ...p }) });
  }
}
