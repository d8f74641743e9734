import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type {
  GradeBand,
  Lang,
  ReferenceData,
  SchoolKind,
  UpdateProfileRequest,
  UserProfile,
} from '@qadam/contracts';
import { formErrors } from '../auth/field-errors';
import { ApiClient } from '../core/api-client';
import { Session } from '../core/session';
import { injectText } from '../i18n/dictionary';
import { I18n } from '../i18n/i18n';
import { PROFILE_TEXT } from './profile.text';

interface Form {
  fullName: string;
  iin: string;
  region: string;
  school: string;
  schoolKind: string;
  subjects: string[];
  grades: string[];
  language: Lang;
}

const fromProfile = (u: UserProfile): Form => ({
  fullName: u.fullName,
  iin: u.iin ?? '',
  region: u.region ?? '',
  school: u.school ?? '',
  schoolKind: u.schoolKind ?? '',
  subjects: [...u.subjects],
  grades: [...u.grades],
  language: u.language,
});

/** The teacher's own profile: what cohort admissions and recommendations read. */
@Component({
  selector: 'q-profile-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="q-card profile">
      <h1>{{ t('title') }}</h1>
      <p class="q-meta">{{ t('intro') }}</p>
      @if (form(); as f) {
        <form class="q-form" (submit)="save($event)" novalidate>
          <label class="q-wide">
            <span>{{ i18n.t('auth.email') }}</span>
            <input name="email" [value]="email()" readonly />
          </label>
          <label>
            <span>{{ i18n.t('auth.fullName') }}</span>
            <input
              name="fullName"
              autocomplete="name"
              maxlength="200"
              [value]="f.fullName"
              (input)="set('fullName', $any($event.target).value)"
              [attr.aria-invalid]="!!fields()['fullName']"
              aria-describedby="fullName-note fullName-error"
            />
            <small class="q-meta" id="fullName-note">{{ t('certificateName') }}</small>
            <span class="q-error" id="fullName-error">{{ fields()['fullName'] }}</span>
          </label>
          <label>
            <span>{{ t('iinLabel') }}</span>
            <input
              name="iin"
              inputmode="numeric"
              maxlength="12"
              autocomplete="off"
              [value]="f.iin"
              (input)="set('iin', $any($event.target).value)"
              [attr.aria-invalid]="!!fields()['iin']"
              aria-describedby="iin-hint iin-error"
            />
            <small class="q-meta" id="iin-hint">{{ i18n.t('auth.iinHint') }}</small>
            <span class="q-error" id="iin-error">{{ fields()['iin'] }}</span>
          </label>
          <label>
            <span>{{ i18n.t('auth.region') }}</span>
            <select name="region" (change)="set('region', $any($event.target).value)">
              <option value="">{{ i18n.t('auth.choose') }}</option>
              @for (r of reference()?.regions ?? []; track r.code) {
                <option [value]="r.code" [selected]="f.region === r.code">
                  {{ i18n.pick(r.name) }}
                </option>
              }
            </select>
            <span class="q-error">{{ fields()['region'] }}</span>
          </label>
          <label>
            <span>{{ i18n.t('auth.school') }}</span>
            <input
              name="school"
              maxlength="300"
              autocomplete="organization"
              [value]="f.school"
              (input)="set('school', $any($event.target).value)"
            />
            <span class="q-error">{{ fields()['school'] }}</span>
          </label>
          <label>
            <span>{{ t('schoolKind') }}</span>
            <select name="schoolKind" (change)="set('schoolKind', $any($event.target).value)">
              <option value="">{{ i18n.t('auth.choose') }}</option>
              @for (k of reference()?.schoolKinds ?? []; track k.code) {
                <option [value]="k.code" [selected]="f.schoolKind === k.code">
                  {{ i18n.pick(k.name) }}
                </option>
              }
            </select>
          </label>
          <label>
            <span>{{ t('language') }}</span>
            <select name="language" (change)="set('language', $any($event.target).value)">
              @for (l of reference()?.languages ?? []; track l.code) {
                <option [value]="l.code" [selected]="f.language === l.code">
                  {{ i18n.pick(l.name) }}
                </option>
              }
            </select>
          </label>
          <fieldset class="q-wide choices">
            <legend>{{ t('subjects') }}</legend>
            @for (s of reference()?.subjects ?? []; track s.code) {
              <label class="choice">
                <input
                  type="checkbox"
                  name="subjects"
                  [value]="s.code"
                  [checked]="f.subjects.includes(s.code)"
                  (change)="toggle('subjects', s.code, $any($event.target).checked)"
                />
                {{ i18n.pick(s.name) }}
              </label>
            }
            <span class="q-error">{{ fields()['subjects'] }}</span>
          </fieldset>
          <fieldset class="q-wide choices">
            <legend>{{ t('grades') }}</legend>
            @for (g of reference()?.grades ?? []; track g.code) {
              <label class="choice">
                <input
                  type="checkbox"
                  name="grades"
                  [value]="g.code"
                  [checked]="f.grades.includes(g.code)"
                  (change)="toggle('grades', g.code, $any($event.target).checked)"
                />
                {{ i18n.pick(g.name) }}
              </label>
            }
          </fieldset>
          <p role="status" [class.q-ok]="saved()" [class.q-warn]="dirty()">
            {{ saved() ? t('saved') : dirty() ? t('unsaved') : '' }}
          </p>
          @if (error()) {
            <p class="q-error" role="alert">{{ error() }}</p>
          }
          <button type="submit" [disabled]="busy() || !dirty()">{{ t('save') }}</button>
        </form>
      } @else if (error()) {
        <p class="q-error" role="alert">{{ error() }}</p>
      }
    </section>
  `,
  styles: `
    .profile {
      max-width: 48rem;
      margin: 0 auto;
    }
    .choices {
      border: 1px solid var(--q-border);
      border-radius: var(--q-radius);
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
    }
    .choice {
      flex-direction: row;
      align-items: center;
      gap: 0.4rem;
    }
    input[readonly] {
      background: var(--q-bg);
    }
  `,
})
export class ProfilePage {
  protected readonly i18n = inject(I18n);
  protected readonly t = injectText(PROFILE_TEXT);
  private readonly api = inject(ApiClient);
  private readonly session = inject(Session);
  protected readonly reference = signal<ReferenceData | null>(null);
  private readonly loaded = signal<UserProfile | null>(null);
  protected readonly form = signal<Form | null>(null);
  protected readonly email = computed(() => this.loaded()?.email ?? '');
  protected readonly dirty = computed(() => {
    const u = this.loaded();
    const f = this.form();
    return !!u && !!f && JSON.stringify(fromProfile(u)) !== JSON.stringify(f);
  });
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal('');
  protected readonly fields = signal<Record<string, string>>({});

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [me, reference] = await Promise.all([this.api.me(), this.api.reference()]);
      this.reference.set(reference);
      this.loaded.set(me);
      this.form.set(fromProfile(me));
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    }
  }

  protected set<K extends Exclude<keyof Form, 'subjects' | 'grades'>>(key: K, value: Form[K]) {
    this.saved.set(false);
    this.form.update((f) => (f ? { ...f, [key]: value } : f));
  }

  protected toggle(key: 'subjects' | 'grades', code: string, on: boolean): void {
    this.saved.set(false);
    this.form.update((f) => {
      if (!f) return f;
      const rest = f[key].filter((c) => c !== code);
      return { ...f, [key]: on ? [...rest, code] : rest };
    });
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const f = this.form();
    if (!f) return;
    const local: Record<string, string> = {};
    if (!f.fullName.trim()) local['fullName'] = this.i18n.t('auth.required');
    if (f.iin.trim() && !/^\d{12}$/.test(f.iin.trim())) local['iin'] = this.i18n.t('auth.iinHint');
    this.fields.set(local);
    if (Object.keys(local).length) {
      this.error.set(this.i18n.t('auth.fixFields'));
      return;
    }
    this.busy.set(true);
    this.error.set('');
    const opt = (s: string) => s.trim() || null;
    const body: UpdateProfileRequest = {
      fullName: f.fullName.trim(),
      iin: opt(f.iin),
      region: opt(f.region),
      school: opt(f.school),
      schoolKind: opt(f.schoolKind) as SchoolKind | null,
      subjects: f.subjects,
      grades: f.grades as GradeBand[],
      language: f.language,
    };
    try {
      const user = await this.api.updateProfile(body);
      this.session.updateUser(user);
      this.loaded.set(user);
      this.form.set(fromProfile(user));
      this.saved.set(true);
    } catch (e) {
      const { form, fields } = formErrors(e, this.i18n.t('error.unknown'));
      this.fields.set(fields);
      this.error.set(form);
    } finally {
      this.busy.set(false);
    }
  }
}
