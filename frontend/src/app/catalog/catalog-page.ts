import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import type { CourseKind, CourseSummary, LadderLevel } from '@qadam/contracts';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { ApiClient } from '../core/api-client';
import { I18n } from '../i18n/i18n';

type State =
  | { status: 'loading' }
  | { status: 'ready'; items: CourseSummary[]; total: number }
  | { status: 'error'; message: string };

const LEVELS: LadderLevel[] = ['acquire', 'deepen', 'create'];
const KINDS: CourseKind[] = ['mooc', 'cohort', 'profile'];

/** The catalogue: search, level and format filters; titles in the interface language. */
@Component({
  selector: 'q-catalog-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1>{{ i18n.t('catalog.title') }}</h1>
    <form class="filters" role="search" (submit)="$event.preventDefault()">
      <label>
        <span>{{ i18n.t('catalog.search') }}</span>
        <input
          type="search"
          name="q"
          [attr.aria-label]="i18n.t('catalog.search')"
          [value]="q()"
          [placeholder]="i18n.t('catalog.searchPlaceholder')"
          (input)="onSearch($any($event.target).value)"
        />
      </label>
      <label>
        <span>{{ i18n.t('catalog.level') }}</span>
        <select
          name="level"
          [attr.aria-label]="i18n.t('catalog.level')"
          (change)="level.set($any($event.target).value || undefined)"
        >
          <option value="">{{ i18n.t('catalog.any') }}</option>
          @for (l of levels; track l) {
            <option [value]="l" [selected]="level() === l">{{ i18n.level(l) }}</option>
          }
        </select>
      </label>
      <label>
        <span>{{ i18n.t('catalog.kind') }}</span>
        <select
          name="kind"
          [attr.aria-label]="i18n.t('catalog.kind')"
          (change)="kind.set($any($event.target).value || undefined)"
        >
          <option value="">{{ i18n.t('catalog.any') }}</option>
          @for (k of kinds; track k) {
            <option [value]="k" [selected]="kind() === k">{{ i18n.kind(k) }}</option>
          }
        </select>
      </label>
    </form>

    <div aria-live="polite">
      @switch (state().status) {
        @case ('loading') {
          <p>{{ i18n.t('catalog.loading') }}</p>
        }
        @case ('error') {
          <p class="q-error" role="alert">{{ errorMessage() }}</p>
          <button type="button" (click)="reload()">{{ i18n.t('error.retry') }}</button>
        }
        @case ('ready') {
          <p class="count">{{ i18n.t('catalog.found', { count: total() }) }}</p>
          @if (items().length === 0) {
            <p>{{ i18n.t('catalog.empty') }}</p>
          }
          <ul class="courses">
            @for (c of items(); track c.id) {
              <li class="q-card" [attr.data-slug]="c.slug">
                <p class="meta">
                  <span class="level" [class]="'level ' + c.level">{{ i18n.level(c.level) }}</span>
                  · {{ i18n.kind(c.kind) }}
                </p>
                <h2>
                  <a [routerLink]="['/courses', c.slug]">{{ c.title }}</a>
                </h2>
                <p class="desc">{{ c.description }}</p>
                <p class="hours">{{ i18n.t('catalog.hours', { hours: c.hours }) }}</p>
              </li>
            }
          </ul>
        }
      }
    </div>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1rem;
      margin-bottom: 1rem;
    }
    .filters label {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      flex: 1 1 12rem;
    }
    .filters label:first-child {
      flex: 2 1 16rem;
    }
    .courses {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 1rem;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
    }
    h2 {
      font-size: 1.1rem;
      margin: 0.25rem 0 0.5rem;
    }
    .meta {
      margin: 0;
      color: var(--q-muted);
      font-size: 0.9rem;
    }
    .level {
      font-weight: 600;
      color: var(--q-primary-dark);
    }
    .desc {
      display: -webkit-box;
      -webkit-line-clamp: 4;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    .hours,
    .count {
      color: var(--q-muted);
    }
  `,
})
export class CatalogPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ApiClient);
  protected readonly levels = LEVELS;
  protected readonly kinds = KINDS;

  protected readonly q = signal('');
  // A link may open the catalogue on one rung (the ladder's "choose a course").
  protected readonly level = signal<LadderLevel | undefined>(
    LEVELS.find((l) => l === inject(ActivatedRoute).snapshot.queryParamMap.get('level')),
  );
  protected readonly kind = signal<CourseKind | undefined>(undefined);
  private readonly search = signal('');
  private readonly attempt = signal(0);
  protected readonly state = signal<State>({ status: 'loading' });
  protected readonly items = computed(() => {
    const s = this.state();
    return s.status === 'ready' ? s.items : [];
  });
  protected readonly total = computed(() => {
    const s = this.state();
    return s.status === 'ready' ? s.total : 0;
  });
  protected readonly errorMessage = computed(() => {
    const s = this.state();
    return s.status === 'error' ? s.message : '';
  });
  private debounce?: ReturnType<typeof setTimeout>;
  private requestNo = 0;

  constructor() {
    effect(() => {
      const query = {
        q: this.search(),
        level: this.level(),
        kind: this.kind(),
        pageSize: 50,
        lang: this.i18n.lang(),
        attempt: this.attempt(),
      };
      void this.load(query);
    });
  }

  protected onSearch(value: string): void {
    this.q.set(value);
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.search.set(value.trim()), 300);
  }

  protected reload(): void {
    this.attempt.update((n) => n + 1);
  }

  private async load(query: {
    q: string;
    level?: LadderLevel;
    kind?: CourseKind;
    pageSize: number;
  }): Promise<void> {
    const no = ++this.requestNo;
    this.state.set({ status: 'loading' });
    try {
      const page = await this.api.catalog({
        q: query.q || undefined,
        level: query.level,
        kind: query.kind,
        pageSize: query.pageSize,
      });
      // A slower earlier answer must not overwrite a newer one.
      if (no === this.requestNo) this.state.set({ status: 'ready', ...page });
    } catch (e) {
      if (no !== this.requestNo) return;
      this.state.set({
        status: 'error',
        message: this.i18n.errorText(e),
      });
    }
  }
}
