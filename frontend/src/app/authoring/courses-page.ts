import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type {
  AuthoringCourse,
  CourseKind,
  FieldProblem,
  LadderLevel,
  Lang,
  TranslatableText,
} from '@qadam/contracts';
import { ApiError } from '../core/api-client';
import { injectText } from '../i18n/dictionary';
import { I18n } from '../i18n/i18n';
import { AuthoringApi } from './authoring-api';
import { AUTHORING_TEXT, lessonBody, lessonTitles, moduleTitles } from './authoring.text';
import { LANG_ORDER, minimalDocument, problemsAt, statusKey } from './course-document';

const LEVELS: LadderLevel[] = ['acquire', 'deepen', 'create'];
const KINDS: CourseKind[] = ['mooc', 'cohort', 'profile'];

/** Every course an author may edit, with its draft's status, and the form that starts a new one. */
@Component({
  selector: 'q-authoring-courses-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1>{{ t('title') }}</h1>
    <p>
      <a routerLink="/staff/authoring/review">{{ t('review.link') }}</a>
    </p>
    @if (loadError()) {
      <p class="q-error" role="alert">{{ loadError() }}</p>
    }

    <section aria-labelledby="courses-h">
      <h2 id="courses-h">{{ t('courses') }}</h2>
      <div class="q-scroll">
        <table class="q-table">
          <thead>
            <tr>
              <th scope="col">{{ t('col.course') }}</th>
              <th scope="col">{{ t('col.level') }}</th>
              <th scope="col">{{ t('col.published') }}</th>
              <th scope="col">{{ t('col.draft') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (c of courses(); track c.id) {
              <tr [attr.data-slug]="c.slug">
                <td>
                  <a [routerLink]="['/staff/authoring', c.slug]">{{ titleOf(c) }}</a><br /><small
                    class="q-meta"
                    >{{ c.slug }}</small
                  >
                </td>
                <td>{{ i18n.level(c.level) }}</td>
                <td>{{ c.publishedVersion ? t('versionN', { n: c.publishedVersion }) : '—' }}</td>
                <td>
                  @if (c.draft; as v) {
                    <span class="status" [attr.data-status]="v.status">{{ t(statusKey(v)) }}</span>
                    <small class="q-meta"> · {{ t('versionN', { n: v.number }) }}</small>
                  } @else {
                    <span class="q-meta">{{ t('noOpenDraft') }}</span>
                  }
                </td>
              </tr>
            } @empty {
              @if (!loading()) {
                <tr>
                  <td colspan="4">{{ t('noCourses') }}</td>
                </tr>
              }
            }
          </tbody>
        </table>
      </div>
    </section>

    <form class="q-card q-form new-course" (submit)="create($event)" novalidate>
      <h2>{{ t('new.title') }}</h2>
      <p class="q-meta">{{ t('new.about') }}</p>
      <label>
        <span>{{ t('field.slug') }}</span>
        <input
          name="slug"
          autocomplete="off"
          spellcheck="false"
          [value]="slug()"
          [attr.aria-invalid]="fieldErrs('slug').length > 0"
          (input)="slug.set($any($event.target).value)"
        />
        <span class="q-meta">{{ t('field.slugHint') }}</span>
        @for (p of fieldErrs('slug'); track $index) {
          <span class="q-error">{{ p }}</span>
        }
      </label>
      <label>
        <span>{{ t('field.level') }}</span>
        <select name="level" (change)="level.set($any($event.target).value)">
          @for (l of levels; track l) {
            <option [value]="l" [selected]="l === level()">{{ i18n.level(l) }}</option>
          }
        </select>
      </label>
      <label>
        <span>{{ t('field.kind') }}</span>
        <select name="kind" (change)="kind.set($any($event.target).value)">
          @for (k of kinds; track k) {
            <option [value]="k" [selected]="k === kind()">{{ i18n.kind(k) }}</option>
          }
        </select>
      </label>
      <label>
        <span>{{ t('field.hours') }}</span>
        <input
          name="hours"
          type="number"
          min="1"
          max="1000"
          [value]="hours()"
          (input)="hours.set(+$any($event.target).value)"
        />
        @for (p of fieldErrs('hours'); track $index) {
          <span class="q-error">{{ p }}</span>
        }
      </label>
      <fieldset class="q-field checks q-wide">
        <legend>{{ t('field.languages') }}</legend>
        @for (l of langs; track l) {
          <label class="check">
            <input
              type="checkbox"
              name="languages"
              [value]="l"
              [checked]="languages().includes(l)"
              (change)="setLanguage(l, $any($event.target).checked)"
            />
            {{ langName(l) }}
          </label>
        }
        @for (p of fieldErrs('languages'); track $index) {
          <span class="q-error">{{ p }}</span>
        }
      </fieldset>
      @for (l of langs; track l) {
        <label class="q-wide">
          <span
            >{{ t('field.title') }} ({{ langName(l) }})
            @if (!languages().includes(l)) {
              <span class="q-meta">— {{ t('lang.optional') }}</span>
            }
          </span>
          <input
            [name]="'title-' + l"
            [value]="titles()[l] ?? ''"
            (input)="setTitle(l, $any($event.target).value)"
          />
          @for (p of fieldErrs('title.' + l); track $index) {
            <span class="q-error">{{ p }}</span>
          }
        </label>
      }
      @for (p of exactErrs('title'); track $index) {
        <p class="q-error">{{ p }}</p>
      }
      @if (error()) {
        <p class="q-error" role="alert">{{ error() }}</p>
      }
      <button type="submit" [disabled]="busy()">{{ t('new.create') }}</button>
    </form>
  `,
  styleUrl: './authoring.css',
})
export class AuthoringCoursesPage {
  protected readonly t = injectText(AUTHORING_TEXT);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AuthoringApi);
  private readonly router = inject(Router);

  protected readonly levels = LEVELS;
  protected readonly kinds = KINDS;
  protected readonly langs = LANG_ORDER;
  protected readonly statusKey = statusKey;
  protected readonly courses = signal<AuthoringCourse[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal('');

  protected readonly slug = signal('');
  protected readonly level = signal<LadderLevel>('acquire');
  protected readonly kind = signal<CourseKind>('mooc');
  protected readonly hours = signal(12);
  protected readonly languages = signal<Lang[]>(['kk', 'ru']);
  protected readonly titles = signal<TranslatableText>({});
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  private readonly problems = signal<FieldProblem[]>([]);

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.courses.set(await this.api.courses());
    } catch (e) {
      this.loadError.set(this.i18n.errorText(e));
    } finally {
      this.loading.set(false);
    }
  }

  protected titleOf(c: AuthoringCourse): string {
    return this.i18n.pick(c.title) || c.slug;
  }

  protected langName(l: Lang): string {
    return this.t(`lang.${l}`);
  }

  protected fieldErrs(path: string): string[] {
    return problemsAt(this.problems(), path);
  }

  protected exactErrs(path: string): string[] {
    return this.problems()
      .filter((p) => p.field === path)
      .map((p) => p.problem);
  }

  protected setLanguage(lang: Lang, on: boolean): void {
    const set = new Set(this.languages());
    if (on) set.add(lang);
    else set.delete(lang);
    this.languages.set(LANG_ORDER.filter((l) => set.has(l)));
  }

  protected setTitle(lang: Lang, value: string): void {
    this.titles.update((t) => ({ ...t, [lang]: value }));
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set('');
    this.problems.set([]);
    const slug = this.slug().trim();
    const document = minimalDocument(
      {
        level: this.level(),
        kind: this.kind(),
        languages: this.languages(),
        hours: this.hours(),
        title: this.titles(),
      },
      moduleTitles,
      lessonTitles,
      lessonBody,
    );
    try {
      await this.api.create(slug, document);
      await this.router.navigate(['/staff/authoring', slug]);
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
      const details = [...(e instanceof ApiError ? (e.body?.details ?? []) : [])] as FieldProblem[];
      // A taken slug is a problem of the slug field, shown beside it as well.
      if (e instanceof ApiError && e.code === 'SLUG_TAKEN')
        details.push({ field: 'slug', problem: e.message, rule: 'SLUG_TAKEN' });
      this.problems.set(details);
    } finally {
      this.busy.set(false);
    }
  }
}
