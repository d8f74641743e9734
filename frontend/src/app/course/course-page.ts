import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Cohort, CourseDetail } from '@qadam/contracts';
import { ApiClient } from '../core/api-client';
import { Session } from '../core/session';
import { percent } from '../core/format';
import { I18n } from '../i18n/i18n';

/** A course: what it is, its outline, and the way in (enrol, or apply to a cohort). */
@Component({
  selector: 'q-course-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    @if (error()) {
      <p class="q-error" role="alert">{{ error() }}</p>
      <a routerLink="/courses">{{ i18n.t('nav.catalog') }}</a>
    } @else if (course(); as c) {
      <p class="meta">
        {{ i18n.level(c.level) }} · {{ i18n.kind(c.kind) }} ·
        {{ i18n.t('catalog.hours', { hours: c.hours }) }}
      </p>
      <h1>{{ c.title }}</h1>
      <p>{{ c.description }}</p>
      @if (c.audience) {
        <p class="audience">
          <strong>{{ i18n.t('course.audience') }}</strong> {{ c.audience }}
        </p>
      }

      <section class="q-card enrol" aria-live="polite">
        @if (!session.signedIn()) {
          <a
            class="q-button"
            routerLink="/sign-in"
            [queryParams]="{ returnUrl: '/courses/' + c.slug }"
          >
            {{ i18n.t('course.signInToEnrol') }}
          </a>
        } @else if (c.enrollment; as e) {
          <p class="status">
            {{ i18n.enrolment(e) }}
          </p>
          @if (e.reason) {
            <p>{{ e.reason }}</p>
          }
          @if (e.status === 'pending' || e.status === 'waitlisted') {
            @if (confirming()) {
              <p>{{ i18n.t('course.withdrawAsk') }}</p>
              <button type="button" [disabled]="busy()" (click)="withdraw(e.id)">
                {{ i18n.t('course.withdrawConfirm') }}
              </button>
              <button type="button" class="secondary" (click)="confirming.set(false)">
                {{ i18n.t('course.keepApplication') }}
              </button>
            } @else {
              <button type="button" class="secondary" (click)="confirming.set(true)">
                {{ i18n.t('course.withdraw') }}
              </button>
            }
          }
          @if (e.status === 'active' || e.status === 'completed') {
            <progress
              max="100"
              [value]="percent(e.progress)"
              [attr.aria-label]="i18n.t('course.progress')"
            ></progress>
            <span> {{ i18n.t('ladder.progress', { percent: percent(e.progress) }) }}</span>
            @if (nextLesson(); as next) {
              <p>
                <a class="q-button" [routerLink]="['/courses', c.slug, 'lessons', next]">{{
                  i18n.t('course.continue')
                }}</a>
              </p>
            }
          }
        } @else if (c.kind === 'mooc') {
          <button type="button" [disabled]="busy()" (click)="enrol()">
            {{ i18n.t('course.enrol') }}
          </button>
        } @else {
          @if (cohorts().length === 0) {
            <p>{{ i18n.t('course.noCohorts') }}</p>
          } @else {
            <fieldset>
              <legend>{{ i18n.t('course.chooseCohort') }}</legend>
              @for (k of cohorts(); track k.id) {
                <label class="cohort">
                  <input
                    type="radio"
                    name="cohort"
                    [value]="k.id"
                    [checked]="cohortId() === k.id"
                    (change)="cohortId.set(k.id)"
                  />
                  <span
                    >{{ k.title }} — {{ i18n.date(k.startsOn) }} … {{ i18n.date(k.endsOn) }};
                    {{ i18n.t('course.seatsLeft', { seats: seatsLeft(k) }) }}</span
                  >
                </label>
              }
            </fieldset>
            <button type="button" [disabled]="busy() || !cohortId()" (click)="enrol()">
              {{ i18n.t('course.apply') }}
            </button>
          }
        }
        @if (withdrawn()) {
          <p class="q-ok" role="status">{{ i18n.t('course.withdrawn') }}</p>
        }
        @if (enrolError()) {
          <p class="q-error" role="alert">{{ enrolError() }}</p>
        }
      </section>

      <h2>{{ i18n.t('course.outline') }}</h2>
      <ol class="modules">
        @for (m of c.modules; track m.id) {
          <li>
            <h3>{{ m.title }}</h3>
            <ol class="lessons">
              @for (l of m.lessons; track l.id) {
                <li [class.done]="l.done">
                  @if (canRead()) {
                    <a [routerLink]="['/courses', c.slug, 'lessons', l.id]">{{ l.title }}</a>
                  } @else {
                    {{ l.title }}
                  }
                  <span class="minutes">{{
                    i18n.t('course.minutes', { minutes: l.minutes })
                  }}</span>
                  @if (l.done) {
                    <span class="tick">✓ {{ i18n.t('lesson.done') }}</span>
                  }
                </li>
              }
            </ol>
          </li>
        }
      </ol>
      @if (c.assessments.length) {
        <h2>{{ i18n.t('course.assessments') }}</h2>
        <ul class="assessments">
          @for (a of c.assessments; track a.id) {
            <li>
              {{ a.title }} — {{ i18n.t('course.passMark', { mark: a.passMark }) }}
              @if (a.timeLimitMinutes) {
                · {{ i18n.t('course.minutes', { minutes: a.timeLimitMinutes }) }}
              }
              @if (canRead() && !a.passed) {
                <a class="take" [routerLink]="['/courses', c.slug, 'tests', a.id]">{{
                  i18n.t('course.takeTest')
                }}</a>
              }
              @if (a.passed) {
                <span class="tick">✓ {{ i18n.t('course.passed') }}</span>
              }
            </li>
          }
        </ul>
      }
    } @else {
      <p>{{ i18n.t('catalog.loading') }}</p>
    }
  `,
  styles: `
    .meta {
      color: var(--q-muted);
      margin-bottom: 0;
    }
    h1 {
      margin-top: 0.25rem;
    }
    .enrol {
      margin: 1rem 0;
    }
    .status {
      font-weight: 600;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 0.75rem;
    }
    .cohort {
      display: flex;
      gap: 0.5rem;
      align-items: baseline;
      margin: 0.4rem 0;
    }
    .modules > li {
      margin-bottom: 0.75rem;
    }
    h3 {
      font-size: 1.05rem;
      margin: 0.5rem 0 0.25rem;
    }
    .lessons li {
      margin: 0.2rem 0;
    }
    .minutes {
      color: var(--q-muted);
      margin-left: 0.5rem;
      font-size: 0.9rem;
    }
    .take {
      margin-left: 0.5rem;
      font-weight: 600;
    }
    .tick {
      color: var(--q-ok);
      margin-left: 0.5rem;
    }
    progress {
      width: min(20rem, 100%);
    }
  `,
})
export class CoursePage {
  protected readonly i18n = inject(I18n);
  protected readonly percent = percent;
  protected readonly session = inject(Session);
  private readonly api = inject(ApiClient);
  readonly slug = input.required<string>();
  protected readonly course = signal<CourseDetail | null>(null);
  protected readonly cohorts = signal<Cohort[]>([]);
  protected readonly cohortId = signal<string | null>(null);
  protected readonly error = signal('');
  protected readonly enrolError = signal('');
  protected readonly busy = signal(false);
  protected readonly confirming = signal(false);
  protected readonly withdrawn = signal(false);
  protected readonly canRead = computed(() => {
    const s = this.course()?.enrollment?.status;
    return s === 'active' || s === 'completed';
  });
  /** The first lesson not done yet (or the first lesson): where "continue" goes. */
  protected readonly nextLesson = computed(() => {
    const lessons = this.course()?.modules.flatMap((m) => m.lessons) ?? [];
    return (lessons.find((l) => !l.done) ?? lessons[0])?.id ?? null;
  });

  constructor() {
    effect(() => {
      const slug = this.slug();
      this.i18n.lang();
      this.session.signedIn();
      void this.load(slug);
    });
  }

  private async load(slug: string): Promise<void> {
    try {
      const c = await this.api.course(slug);
      this.course.set(c);
      this.error.set('');
      if (c.kind !== 'mooc' && !c.enrollment && this.session.signedIn()) {
        const now = Date.now();
        this.cohorts.set(
          (await this.api.cohorts(slug)).filter(
            (k) => Date.parse(k.enrolmentOpensAt) <= now && now < Date.parse(k.enrolmentClosesAt),
          ),
        );
      }
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    }
  }

  protected async enrol(): Promise<void> {
    this.busy.set(true);
    this.enrolError.set('');
    try {
      await this.api.enrol(this.slug(), this.cohortId() ?? undefined);
      await this.load(this.slug());
    } catch (e) {
      this.enrolError.set(this.i18n.errorText(e));
    } finally {
      this.busy.set(false);
    }
  }

  /** An application or a waitlist place given up; the seat goes to the next on the waitlist. */
  protected async withdraw(enrollmentId: string): Promise<void> {
    this.busy.set(true);
    this.enrolError.set('');
    try {
      await this.api.withdraw(enrollmentId);
      this.confirming.set(false);
      this.withdrawn.set(true);
      await this.load(this.slug());
    } catch (e) {
      this.enrolError.set(this.i18n.errorText(e));
    } finally {
      this.busy.set(false);
    }
  }

  protected seatsLeft(k: Cohort): number {
    return Math.max(0, k.seats - k.taken);
  }
}
