import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { Cohort, CohortApplication, CourseSummary } from '@qadam/contracts';
import { formErrors } from '../auth/field-errors';
import { ApiClient } from '../core/api-client';
import { injectText } from '../i18n/dictionary';
import { I18n } from '../i18n/i18n';
import { ADMIN_TEXT } from './admin.text';

/** Cohorts of the cohort and profile courses: the list, and a form to open a new one. */
@Component({
  selector: 'q-admin-cohorts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t('admin.cohorts') }}</h1>
    <form class="q-card form" (submit)="create($event)" novalidate>
      <h2>{{ t('admin.newCohort') }}</h2>
      <label>
        <span>{{ t('admin.course') }}</span>
        <select name="courseSlug" (change)="f.courseSlug.set($any($event.target).value)">
          <option value="">{{ i18n.t('auth.choose') }}</option>
          @for (c of courses(); track c.slug) {
            <option [value]="c.slug">{{ c.title }}</option>
          }
        </select>
      </label>
      <label
        ><span>{{ t('admin.code') }}</span>
        <input name="code" [value]="f.code()" (input)="f.code.set($any($event.target).value)"
      /></label>
      <label
        ><span>{{ t('admin.cohortTitle') }}</span>
        <input name="title" [value]="f.title()" (input)="f.title.set($any($event.target).value)"
      /></label>
      <label
        ><span>{{ t('admin.startsOn') }}</span>
        <input name="startsOn" type="date" (input)="f.startsOn.set($any($event.target).value)"
      /></label>
      <label
        ><span>{{ t('admin.endsOn') }}</span>
        <input name="endsOn" type="date" (input)="f.endsOn.set($any($event.target).value)"
      /></label>
      <label
        ><span>{{ t('admin.opensAt') }}</span>
        <input name="opensAt" type="date" (input)="f.opensAt.set($any($event.target).value)"
      /></label>
      <label
        ><span>{{ t('admin.closesAt') }}</span>
        <input name="closesAt" type="date" (input)="f.closesAt.set($any($event.target).value)"
      /></label>
      <label
        ><span>{{ t('admin.seats') }}</span>
        <input
          name="seats"
          type="number"
          min="1"
          [value]="f.seats()"
          (input)="f.seats.set(+$any($event.target).value)"
      /></label>
      @if (error()) {
        <p class="q-error" role="alert">{{ error() }}</p>
      }
      @if (created()) {
        <p class="ok" role="status">{{ t('admin.cohortCreated', { code: created()! }) }}</p>
      }
      <button type="submit" [disabled]="busy()">{{ t('admin.create') }}</button>
    </form>

    <div class="q-scroll">
      <table class="q-table">
        <caption class="q-visually-hidden">
          {{
            t('admin.cohorts')
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ t('admin.code') }}</th>
            <th scope="col">{{ t('admin.course') }}</th>
            <th scope="col">{{ t('admin.dates') }}</th>
            <th scope="col">{{ t('admin.seatsTaken') }}</th>
          </tr>
        </thead>
        <tbody>
          @for (k of cohorts(); track k.id) {
            <tr [attr.data-code]="k.code">
              <td>
                <button type="button" class="link" (click)="open(k)">
                  {{ k.code }}</button><br /><small>{{ k.title }}</small>
              </td>
              <td>{{ k.courseSlug }}</td>
              <td>{{ i18n.date(k.startsOn) }} — {{ i18n.date(k.endsOn) }}</td>
              <td>
                {{ k.taken }} / {{ k.seats }} ·
                {{ t('admin.waiting', { pending: k.pending, waitlisted: k.waitlisted }) }}
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>

    @if (opened(); as k) {
      <section class="q-card applications" aria-live="polite">
        <h2>{{ t('admin.applications', { code: k.code }) }}</h2>
        @if (applications().length === 0) {
          <p>{{ t('admin.noApplications') }}</p>
        }
        <ul class="q-list">
          @for (a of applications(); track a.id) {
            <li [attr.data-email]="a.email">
              <strong>{{ a.fullName }}</strong> · {{ a.email }} ·
              <span class="status">{{ t(appKey(a)) }}</span>
              @if (a.status === 'pending' || a.status === 'waitlisted') {
                <div class="decide">
                  <button type="button" (click)="decide(a, true)">
                    {{ t('admin.approve') }}
                  </button>
                  <label>
                    <span>{{ t('admin.reason') }}</span>
                    <input
                      name="rejectReason"
                      [value]="reason()"
                      (input)="reason.set($any($event.target).value)"
                    />
                  </label>
                  <button
                    type="button"
                    class="secondary"
                    [disabled]="!reason().trim()"
                    (click)="decide(a, false)"
                  >
                    {{ t('admin.reject') }}
                  </button>
                </div>
              }
            </li>
          }
        </ul>
      </section>
    }
  `,
  styleUrl: './admin.css',
})
export class AdminCohortsPage {
  protected readonly i18n = inject(I18n);
  protected readonly t = injectText(ADMIN_TEXT);
  private readonly api = inject(ApiClient);
  protected readonly courses = signal<CourseSummary[]>([]);
  protected readonly cohorts = signal<Cohort[]>([]);
  protected readonly error = signal('');
  protected readonly created = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly opened = signal<Cohort | null>(null);
  protected readonly applications = signal<CohortApplication[]>([]);
  protected readonly reason = signal('');
  protected readonly f = {
    courseSlug: signal(''),
    code: signal(''),
    title: signal(''),
    startsOn: signal(''),
    endsOn: signal(''),
    opensAt: signal(''),
    closesAt: signal(''),
    seats: signal(25),
  };

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [catalog, cohorts] = await Promise.all([
        this.api.catalog({ pageSize: 50 }),
        this.api.adminCohorts(),
      ]);
      this.courses.set(catalog.items.filter((c) => c.kind !== 'mooc'));
      this.cohorts.set(cohorts.items);
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    }
  }

  protected appKey(a: CohortApplication) {
    return `admin.app.${a.status}` as const;
  }

  protected async open(k: Cohort): Promise<void> {
    this.opened.set(k);
    this.reason.set('');
    try {
      this.applications.set((await this.api.applications(k.id)).items);
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    }
  }

  protected async decide(a: CohortApplication, approve: boolean): Promise<void> {
    try {
      await this.api.decide(a.id, approve, approve ? undefined : this.reason().trim());
      await this.open(this.opened()!);
      await this.load();
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    }
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault();
    this.busy.set(true);
    this.error.set('');
    this.created.set(null);
    // Enrolment opens and closes at the start of the day, Kazakhstan time (UTC+5).
    const at = (d: string) => (d ? `${d}T00:00:00+05:00` : '');
    try {
      const cohort = await this.api.createCohort({
        courseSlug: this.f.courseSlug(),
        code: this.f.code().trim(),
        title: this.f.title().trim(),
        startsOn: this.f.startsOn(),
        endsOn: this.f.endsOn(),
        enrolmentOpensAt: at(this.f.opensAt()),
        enrolmentClosesAt: at(this.f.closesAt()),
        seats: this.f.seats(),
      });
      this.created.set(cohort.code);
      await this.load();
    } catch (e) {
      const { form, fields } = formErrors(e, this.i18n.t('error.unknown'));
      this.error.set([form, ...Object.values(fields)].join(' '));
    } finally {
      this.busy.set(false);
    }
  }
}
