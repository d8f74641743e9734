import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { DomSanitizer } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { LessonView } from '@qadam/contracts';
import { ApiClient } from '../core/api-client';
import { I18n } from '../i18n/i18n';

/** The lesson reader: the text, its sources, "mark as done", previous and next. */
@Component({
  selector: 'q-lesson-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    @if (error()) {
      <p class="q-error" role="alert">{{ error() }}</p>
      <a [routerLink]="['/courses', slug()]">{{ i18n.t('lesson.backToCourse') }}</a>
    } @else if (lesson(); as l) {
      <nav class="crumbs" [attr.aria-label]="i18n.t('lesson.navigation')">
        <a [routerLink]="['/courses', slug()]">{{ i18n.t('lesson.backToCourse') }}</a>
      </nav>
      <article [attr.lang]="l.lang">
        <h1>{{ l.title }}</h1>
        <p class="minutes">{{ i18n.t('course.minutes', { minutes: l.minutes }) }}</p>
        <div class="body q-lesson-body" [innerHTML]="html()"></div>
        @if (l.sources.length) {
          <h2>{{ i18n.t('lesson.sources') }}</h2>
          <ul class="sources">
            @for (s of l.sources; track s.title) {
              <li>
                @if (s.url) {
                  <a [href]="s.url" target="_blank" rel="noopener noreferrer">{{ s.title }}</a>
                } @else {
                  {{ s.title }}
                }
              </li>
            }
          </ul>
        }
      </article>
      <div class="actions" aria-live="polite">
        @if (l.done) {
          <p class="tick">✓ {{ i18n.t('lesson.done') }}</p>
        } @else {
          <button type="button" [disabled]="busy()" (click)="markDone()">
            {{ i18n.t('lesson.markDone') }}
          </button>
        }
        @if (saveError()) {
          <p class="q-error" role="alert">{{ saveError() }}</p>
        }
      </div>
      <nav class="pager" [attr.aria-label]="i18n.t('lesson.navigation')">
        @if (l.previousLessonId) {
          <a [routerLink]="['/courses', slug(), 'lessons', l.previousLessonId]" rel="prev"
            >← {{ i18n.t('lesson.previous') }}</a
          >
        }
        @if (l.nextLessonId) {
          <a class="next" [routerLink]="['/courses', slug(), 'lessons', l.nextLessonId]" rel="next"
            >{{ i18n.t('lesson.next') }} →</a
          >
        }
      </nav>
    } @else {
      <p>{{ i18n.t('catalog.loading') }}</p>
    }
  `,
  styles: `
    article {
      max-width: 46rem;
    }
    .minutes {
      color: var(--q-muted);
    }
    .sources {
      font-size: 0.9rem;
    }
    .actions {
      margin: 1.5rem 0 1rem;
    }
    .tick {
      color: var(--q-ok);
      font-weight: 600;
    }
    .pager {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
      max-width: 46rem;
    }
    .pager .next {
      margin-left: auto;
    }
  `,
})
export class LessonPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ApiClient);
  private readonly sanitizer = inject(DomSanitizer);
  readonly slug = input.required<string>();
  readonly lessonId = input.required<string>();
  protected readonly lesson = signal<LessonView | null>(null);
  protected readonly error = signal('');
  protected readonly saveError = signal('');
  protected readonly busy = signal(false);
  // The API sanitises lesson HTML (its Markdown renderer allows no raw HTML, only safe links and
  // https images); Angular's own sanitiser would drop the target of links to other sites.
  protected readonly html = computed(() =>
    this.sanitizer.bypassSecurityTrustHtml(this.lesson()?.html ?? ''),
  );

  constructor() {
    effect(() => {
      const slug = this.slug();
      const id = this.lessonId();
      this.i18n.lang();
      void this.load(slug, id);
    });
  }

  private async load(slug: string, id: string): Promise<void> {
    this.saveError.set('');
    try {
      this.lesson.set(await this.api.lesson(slug, id));
      this.error.set('');
      globalThis.scrollTo?.(0, 0);
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    }
  }

  protected async markDone(): Promise<void> {
    const l = this.lesson();
    if (!l) return;
    this.busy.set(true);
    this.saveError.set('');
    try {
      await this.api.completeLesson(this.slug(), l.id);
      this.lesson.set({ ...l, done: true });
    } catch (e) {
      this.saveError.set(this.i18n.errorText(e));
    } finally {
      this.busy.set(false);
    }
  }
}
