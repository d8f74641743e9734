import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MyEnrollment } from '@qadam/contracts';
import { ApiClient } from '../core/api-client';
import { percent } from '../core/format';
import { I18n } from '../i18n/i18n';

/** My learning: every enrolment and application with its status and progress. */
@Component({
  selector: 'q-learning-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1>{{ i18n.t('learning.title') }}</h1>
    @if (error()) {
      <p class="q-error" role="alert">{{ error() }}</p>
    } @else if (items(); as list) {
      @if (list.length === 0) {
        <p>
          {{ i18n.t('learning.empty') }} <a routerLink="/courses">{{ i18n.t('nav.catalog') }}</a>
        </p>
      }
      <ul class="q-list">
        @for (e of list; track e.id) {
          <li class="q-card" [attr.data-slug]="e.courseSlug">
            <p class="q-meta">{{ i18n.level(e.level) }}</p>
            <h2>
              <a [routerLink]="['/courses', e.courseSlug]">{{ e.courseTitle }}</a>
            </h2>
            <p>{{ i18n.enrolment(e) }}</p>
            @if (e.status === 'active' || e.status === 'completed') {
              <progress
                max="100"
                [value]="percent(e.progress)"
                [attr.aria-label]="e.courseTitle"
              ></progress>
              <span> {{ i18n.t('ladder.progress', { percent: percent(e.progress) }) }}</span>
            }
          </li>
        }
      </ul>
    } @else {
      <p>{{ i18n.t('catalog.loading') }}</p>
    }
  `,
  styles: `
    progress {
      width: min(20rem, 100%);
    }
  `,
})
export class LearningPage {
  protected readonly i18n = inject(I18n);
  protected readonly percent = percent;
  private readonly api = inject(ApiClient);
  protected readonly items = signal<MyEnrollment[] | null>(null);
  protected readonly error = signal('');

  constructor() {
    effect(() => {
      this.i18n.lang();
      this.api.myEnrollments().then(
        (list) => this.items.set(list),
        (e: unknown) => this.error.set(this.i18n.errorText(e)),
      );
    });
  }
}
