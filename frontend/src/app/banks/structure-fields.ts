import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { StructureScoring } from '@qadam/contracts';
import { DraftForm } from './draft-form';
import {
  type DraftChoice,
  type DraftPair,
  moveBy,
  newChoice,
  newPair,
  removeAt,
  replaceAt,
} from './item-draft';
import { TextsField } from './texts-field';

const STRUCTURE_SCORINGS: StructureScoring[] = ['all_or_nothing', 'partial'];

/** Matching (pairs and distractors) and ordering (the sequence in its correct order). */
@Component({
  selector: 'q-structure-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TextsField],
  template: `
    @let d = draft();
    <label class="q-field">
      <span>{{ t('scoring') }}</span>
      <select name="structureScoring" (change)="patch({ structureScoring: $any(value($event)) })">
        @for (s of scorings; track s) {
          <option [value]="s" [selected]="d.structureScoring === s">{{ t(scoringKey(s)) }}</option>
        }
      </select>
    </label>
    <p class="q-meta">
      {{ d.type === 'matching' ? t('structureHelp.matching') : t('structureHelp.ordering') }}
    </p>
    @if (d.type === 'matching') {
      <fieldset class="sub">
        <legend>{{ t('pairs') }}</legend>
        @for (p of at('pairs', true); track $index) {
          <p class="q-error">{{ p }}</p>
        }
        @for (pair of d.pairs; track $index; let i = $index) {
          <div class="entry pair" [attr.data-pair]="i">
            <q-texts
              [label]="t('pairLeftN', { n: i + 1 })"
              [name]="'pairs[' + i + '].left.text'"
              [value]="pair.left.text"
              [langs]="langs()"
              [problems]="at('pairs[' + i + '].left')"
              (changed)="setPair(i, { left: { ...pair.left, text: $event } })"
            />
            <q-texts
              [label]="t('pairRightN', { n: i + 1 })"
              [name]="'pairs[' + i + '].right.text'"
              [value]="pair.right.text"
              [langs]="langs()"
              [problems]="at('pairs[' + i + '].right')"
              (changed)="setPair(i, { right: { ...pair.right, text: $event } })"
            />
            <button
              type="button"
              class="secondary"
              [attr.aria-label]="t('removePairN', { n: i + 1 })"
              (click)="patch({ pairs: removeAt(d.pairs, i) })"
            >
              {{ t('remove') }}
            </button>
          </div>
        }
        <button
          type="button"
          class="secondary"
          name="addPair"
          (click)="patch({ pairs: [...d.pairs, pair()] })"
        >
          {{ t('addPair') }}
        </button>
      </fieldset>
      <fieldset class="sub">
        <legend>{{ t('distractors') }}</legend>
        <p class="q-meta">{{ t('distractorsHelp') }}</p>
        @for (x of d.distractors; track $index; let i = $index) {
          <div class="entry" [attr.data-distractor]="i">
            <q-texts
              [label]="t('distractorN', { n: i + 1 })"
              [name]="'distractors[' + i + '].text'"
              [value]="x.text"
              [langs]="langs()"
              [problems]="at('distractors[' + i + ']')"
              (changed)="setList('distractors', i, { ...x, text: $event })"
            />
            <button
              type="button"
              class="secondary"
              [attr.aria-label]="t('removeDistractorN', { n: i + 1 })"
              (click)="patch({ distractors: removeAt(d.distractors, i) })"
            >
              {{ t('remove') }}
            </button>
          </div>
        }
        <button
          type="button"
          class="secondary"
          name="addDistractor"
          (click)="patch({ distractors: [...d.distractors, choice()] })"
        >
          {{ t('addDistractor') }}
        </button>
      </fieldset>
    } @else {
      <fieldset class="sub">
        <legend>{{ t('sequence') }}</legend>
        @for (p of at('sequence', true); track $index) {
          <p class="q-error">{{ p }}</p>
        }
        <ol class="sequence">
          @for (x of d.sequence; track $index; let i = $index; let last = $last) {
            <li class="entry" [attr.data-piece]="i">
              <q-texts
                [label]="t('pieceN', { n: i + 1 })"
                [name]="'sequence[' + i + '].text'"
                [value]="x.text"
                [langs]="langs()"
                [problems]="at('sequence[' + i + ']')"
                (changed)="setList('sequence', i, { ...x, text: $event })"
              />
              <div class="q-row">
                <button
                  type="button"
                  class="secondary"
                  [disabled]="i === 0"
                  [attr.aria-label]="t('moveUpN', { n: i + 1 })"
                  (click)="patch({ sequence: moveBy(d.sequence, i, -1) })"
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="secondary"
                  [disabled]="last"
                  [attr.aria-label]="t('moveDownN', { n: i + 1 })"
                  (click)="patch({ sequence: moveBy(d.sequence, i, 1) })"
                >
                  ↓
                </button>
                <button
                  type="button"
                  class="secondary"
                  [attr.aria-label]="t('removePieceN', { n: i + 1 })"
                  (click)="patch({ sequence: removeAt(d.sequence, i) })"
                >
                  {{ t('remove') }}
                </button>
              </div>
            </li>
          }
        </ol>
        <button
          type="button"
          class="secondary"
          name="addPiece"
          (click)="patch({ sequence: [...d.sequence, choice()] })"
        >
          {{ t('addPiece') }}
        </button>
      </fieldset>
    }
  `,
  styleUrl: './item-editor.css',
})
export class StructureFields extends DraftForm {
  protected readonly scorings = STRUCTURE_SCORINGS;
  protected readonly pair = newPair;
  protected readonly choice = newChoice;
  protected readonly removeAt = removeAt;
  protected readonly moveBy = moveBy;

  protected scoringKey(s: StructureScoring) {
    return `scoring.${s}` as const;
  }

  protected setPair(i: number, p: Partial<DraftPair>): void {
    const pairs = this.draft().pairs;
    this.patch({ pairs: replaceAt(pairs, i, { ...pairs[i], ...p }) });
  }

  protected setList(list: 'distractors' | 'sequence', i: number, value: DraftChoice): void {
    this.patch({ [list]: replaceAt(this.draft()[list], i, value) });
  }
}
