import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CompetencyProfile, ProfileBlock, Recommendation } from '@qadam/contracts';
import { ApiClient } from '../core/api-client';
import { I18n } from '../i18n/i18n';

const ASPECTS = ['1', '2', '3', '4', '5'];
const LEVELS = ['1', '2', '3'];

/**
 * My competencies: the UNESCO 5 × 3 matrix and the ISTE view, each cell opening the evidence
 * behind it; and what to take next, each recommendation with its reason and a dismiss button.
 */
@Component({
  selector: 'q-competencies-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1>{{ i18n.t('comp.title') }}</h1>
    @if (error()) {
      <p class="q-error" role="alert">{{ error() }}</p>
    }
    @if (recommendations().length) {
      <section class="recs">
        <h2>{{ i18n.t('comp.recommendations') }}</h2>
        <ul>
          @for (r of recommendations(); track r.id) {
            <li class="q-card" [attr.data-rule]="r.rule">
              <a [routerLink]="['/courses', r.courseSlug]">{{ i18n.pick(r.title) }}</a>
              <p>{{ i18n.pick(r.reason) }}</p>
              <p class="uses">{{ i18n.t('comp.uses', { data: usesText(r) }) }}</p>
              <button type="button" class="secondary" (click)="dismiss(r)">
                {{ i18n.t('comp.dismiss') }}
              </button>
            </li>
          }
        </ul>
      </section>
    }
    @if (unesco(); as f) {
      <h2>{{ i18n.pick(f.title) }}</h2>
      <div class="matrix" role="table" [attr.aria-label]="i18n.pick(f.title)">
        <div role="row" class="row head">
          <span role="columnheader"></span>
          @for (l of levels; track l) {
            <span role="columnheader">{{ i18n.t(levelName(l)) }}</span>
          }
        </div>
        @for (a of aspects; track a) {
          <div role="row" class="row">
            <span role="rowheader" class="aspect">{{ aspectName(a) }}</span>
            @for (l of levels; track l) {
              @if (cell(a, l); as b) {
                <span role="cell">
                  <button
                    type="button"
                    class="cell"
                    [class]="'cell ' + b.status"
                    [attr.data-code]="b.code"
                    [attr.aria-pressed]="selected()?.code === b.code"
                    (click)="select(b)"
                  >
                    <span class="code">{{ b.code.split(':')[1] }}</span>
                    <span class="name">{{ i18n.pick(b.name) }}</span>
                    <span class="st">{{ i18n.t(statusKey(b)) }}</span>
                  </button>
                </span>
              } @else {
                <span role="cell"></span>
              }
            }
          </div>
        }
      </div>
    }
    @if (selected(); as b) {
      <section class="q-card evidence" aria-live="polite">
        <h3>{{ b.code }} — {{ i18n.pick(b.name) }}</h3>
        @if (b.evidence.length === 0) {
          <p>{{ i18n.t('comp.noEvidence') }}</p>
        }
        <ul>
          @for (e of b.evidence; track e.id) {
            <li>
              {{ i18n.t(sourceKey(e.source.type)) }} · {{ i18n.date(e.recordedAt) }}
              @if (e.score !== null) {
                · {{ i18n.t('comp.score', { score: e.score }) }}
              }
              @if (e.via) {
                · {{ i18n.t('comp.via', { code: e.via }) }}
              }
              @if (e.reason) {
                — {{ e.reason }}
              }
            </li>
          }
        </ul>
      </section>
    }
    @for (f of others(); track f.code) {
      <h2>{{ i18n.pick(f.title) }}</h2>
      <ul class="iste">
        @for (b of f.blocks; track b.code) {
          <li>
            <button
              type="button"
              class="link"
              [class]="'link ' + b.status"
              [attr.data-code]="b.code"
              (click)="select(b)"
            >
              {{ b.code.split(':')[1] }} {{ i18n.pick(b.name) }} — {{ i18n.t(statusKey(b)) }}
            </button>
          </li>
        }
      </ul>
    }
    @if (!profile() && !error()) {
      <p>{{ i18n.t('catalog.loading') }}</p>
    }
  `,
  styles: `
    .matrix {
      display: grid;
      gap: 0.4rem;
      overflow-x: auto;
    }
    .row {
      display: grid;
      grid-template-columns: minmax(7rem, 1fr) repeat(3, minmax(8rem, 1.3fr));
      gap: 0.4rem;
    }
    .head span {
      font-weight: 600;
      font-size: 0.9rem;
    }
    .aspect {
      font-weight: 600;
      font-size: 0.9rem;
      align-self: center;
    }
    .cell {
      width: 100%;
      height: 100%;
      text-align: left;
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
      background: var(--q-surface);
      color: var(--q-text);
      border: 1px solid var(--q-border);
      font-size: 0.85rem;
    }
    .cell.in_progress {
      background: #fff4d6;
      border-color: #e5c46b;
    }
    .cell.demonstrated {
      background: #dff3e6;
      border-color: var(--q-ok);
    }
    .cell[aria-pressed='true'] {
      outline: 3px solid var(--q-primary);
    }
    .code {
      font-weight: 700;
    }
    .st {
      color: var(--q-muted);
    }
    .evidence {
      margin: 1rem 0;
    }
    .recs ul,
    .iste {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.6rem;
    }
    .uses {
      color: var(--q-muted);
      font-size: 0.85rem;
    }
    button.link {
      background: none;
      border: 0;
      color: var(--q-primary);
      padding: 0.2rem 0;
      text-align: left;
    }
    button.link.demonstrated {
      color: var(--q-ok);
      font-weight: 600;
    }
  `,
})
export class CompetenciesPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ApiClient);
  protected readonly aspects = ASPECTS;
  protected readonly levels = LEVELS;
  protected readonly profile = signal<CompetencyProfile | null>(null);
  protected readonly recommendations = signal<Recommendation[]>([]);
  protected readonly selected = signal<ProfileBlock | null>(null);
  protected readonly error = signal('');
  protected readonly unesco = computed(
    () => this.profile()?.frameworks.find((f) => f.code === 'unesco-cft') ?? null,
  );
  protected readonly others = computed(
    () => this.profile()?.frameworks.filter((f) => f.code !== 'unesco-cft') ?? [],
  );

  constructor() {
    effect(() => {
      this.i18n.lang();
      void this.load();
    });
  }

  private async load(): Promise<void> {
    try {
      const [profile, recs] = await Promise.all([
        this.api.competencies(),
        this.api.recommendations(),
      ]);
      this.profile.set(profile);
      this.recommendations.set(recs);
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    }
  }

  protected cell(aspect: string, level: string): ProfileBlock | undefined {
    return this.unesco()?.blocks.find((b) => b.code === `unesco-cft:${aspect}.${level}`);
  }

  /** The aspect's name: the first block's name is the block's, so the row uses the code's aspect. */
  protected aspectName(aspect: string): string {
    return this.i18n.t(`comp.aspect${aspect}` as `comp.aspect${'1' | '2' | '3' | '4' | '5'}`);
  }

  protected levelName(l: string) {
    return (['level.acquire', 'level.deepen', 'level.create'] as const)[Number(l) - 1];
  }

  protected statusKey(b: ProfileBlock) {
    return `comp.status.${b.status}` as const;
  }

  protected sourceKey(t: string) {
    return `comp.source.${t as 'section' | 'rubric' | 'certificate' | 'recognition'}` as const;
  }

  /** The data a rule read, named in the interface language (unknown names as they are). */
  protected usesText(r: Recommendation): string {
    const known = ['certificates', 'evidence', 'school', 'subjects', 'grades'] as const;
    return r.uses
      .map((u) =>
        known.includes(u as never) ? this.i18n.t(`comp.use.${u as (typeof known)[number]}`) : u,
      )
      .join(', ');
  }

  protected select(b: ProfileBlock): void {
    this.selected.set(this.selected()?.code === b.code ? null : b);
  }

  protected async dismiss(r: Recommendation): Promise<void> {
    try {
      await this.api.dismissRecommendation(r.id);
      this.recommendations.update((list) => list.filter((x) => x.id !== r.id));
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    }
  }
}
