import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { ReferenceData } from '@qadam/contracts';
import { ApiClient } from '../core/api-client';
import { I18n } from '../i18n/i18n';
import { formErrors } from './field-errors';
import { safeReturn } from './sign-in-page';

type Field = 'fullName' | 'email' | 'password' | 'iin' | 'region' | 'school' | 'subject';

@Component({
  selector: 'q-sign-up-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <section class="q-card auth">
      <h1>{{ i18n.t('auth.signUp') }}</h1>
      <form (submit)="submit($event)" novalidate>
        <label>
          <span>{{ i18n.t('auth.fullName') }}</span>
          <input
            name="fullName"
            autocomplete="name"
            required
            maxlength="200"
            [value]="v.fullName()"
            (input)="v.fullName.set($any($event.target).value)"
            [attr.aria-invalid]="!!fieldError('fullName')"
            aria-describedby="fullName-error"
          />
          <span class="field-error" id="fullName-error">{{ fieldError('fullName') }}</span>
        </label>
        <label>
          <span>{{ i18n.t('auth.email') }}</span>
          <input
            name="email"
            type="email"
            autocomplete="email"
            required
            [value]="v.email()"
            (input)="v.email.set($any($event.target).value)"
            [attr.aria-invalid]="!!fieldError('email')"
            aria-describedby="email-error"
          />
          <span class="field-error" id="email-error">{{ fieldError('email') }}</span>
        </label>
        <label>
          <span>{{ i18n.t('auth.password') }}</span>
          <input
            name="password"
            type="password"
            autocomplete="new-password"
            required
            [value]="v.password()"
            (input)="v.password.set($any($event.target).value)"
            [attr.aria-invalid]="!!fieldError('password')"
            aria-describedby="password-hint password-error"
          />
          <span class="hint" id="password-hint">{{ i18n.t('auth.passwordHint') }}</span>
          <span class="field-error" id="password-error">{{ fieldError('password') }}</span>
        </label>
        <label>
          <span>{{ i18n.t('auth.iin') }}</span>
          <input
            name="iin"
            inputmode="numeric"
            maxlength="12"
            autocomplete="off"
            [value]="v.iin()"
            (input)="v.iin.set($any($event.target).value)"
            [attr.aria-invalid]="!!fieldError('iin')"
            aria-describedby="iin-hint iin-error"
          />
          <span class="hint" id="iin-hint">{{ i18n.t('auth.iinHint') }}</span>
          <span class="field-error" id="iin-error">{{ fieldError('iin') }}</span>
        </label>
        <label>
          <span>{{ i18n.t('auth.region') }}</span>
          <select name="region" (change)="v.region.set($any($event.target).value)">
            <option value="">{{ i18n.t('auth.choose') }}</option>
            @for (r of reference()?.regions ?? []; track r.code) {
              <option [value]="r.code" [selected]="v.region() === r.code">
                {{ r.name[i18n.lang()] }}
              </option>
            }
          </select>
          <span class="field-error">{{ fieldError('region') }}</span>
        </label>
        <label>
          <span>{{ i18n.t('auth.school') }}</span>
          <input
            name="school"
            maxlength="300"
            autocomplete="organization"
            [value]="v.school()"
            (input)="v.school.set($any($event.target).value)"
          />
          <span class="field-error">{{ fieldError('school') }}</span>
        </label>
        <label>
          <span>{{ i18n.t('auth.subject') }}</span>
          <select name="subject" (change)="v.subject.set($any($event.target).value)">
            <option value="">{{ i18n.t('auth.choose') }}</option>
            @for (s of reference()?.subjects ?? []; track s.code) {
              <option [value]="s.code" [selected]="v.subject() === s.code">
                {{ s.name[i18n.lang()] }}
              </option>
            }
          </select>
          <span class="field-error">{{ fieldError('subject') }}</span>
        </label>
        @if (error()) {
          <p class="q-error" role="alert">{{ error() }}</p>
        }
        <button type="submit" [disabled]="busy()">{{ i18n.t('auth.createAccount') }}</button>
      </form>
      <p>
        {{ i18n.t('auth.haveAccount') }}
        <a routerLink="/sign-in" [queryParams]="returnUrl() ? { returnUrl: returnUrl() } : {}">{{
          i18n.t('auth.signIn')
        }}</a>
      </p>
    </section>
  `,
  styleUrl: './auth.css',
})
export class SignUpPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ApiClient);
  private readonly router = inject(Router);
  readonly returnUrl = input<string>();
  protected readonly v = {
    fullName: signal(''),
    email: signal(''),
    password: signal(''),
    iin: signal(''),
    region: signal(''),
    school: signal(''),
    subject: signal(''),
  };
  protected readonly reference = signal<ReferenceData | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  private readonly fields = signal<Record<string, string>>({});

  constructor() {
    this.api.reference().then(
      (r) => this.reference.set(r),
      () => this.error.set(this.i18n.t('error.offline')),
    );
  }

  protected fieldError(field: Field): string {
    return this.fields()[field] ?? '';
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!this.v.fullName().trim()) local['fullName'] = this.i18n.t('auth.required');
    if (!/^\S+@\S+\.\S+$/.test(this.v.email().trim()))
      local['email'] = this.i18n.t('auth.emailInvalid');
    if (this.v.password().length < 10) local['password'] = this.i18n.t('auth.passwordHint');
    if (this.v.iin() && !/^\d{12}$/.test(this.v.iin().trim()))
      local['iin'] = this.i18n.t('auth.iinHint');
    this.fields.set(local);
    if (Object.keys(local).length) {
      this.error.set(this.i18n.t('auth.fixFields'));
      return;
    }
    this.busy.set(true);
    this.error.set('');
    const opt = (s: string) => s.trim() || undefined;
    try {
      await this.api.register({
        fullName: this.v.fullName().trim(),
        email: this.v.email().trim(),
        password: this.v.password(),
        iin: opt(this.v.iin()),
        region: opt(this.v.region()),
        school: opt(this.v.school()),
        subject: opt(this.v.subject()),
        language: this.i18n.lang(),
      });
      await this.router.navigateByUrl(safeReturn(this.returnUrl()));
    } catch (e) {
      const { form, fields } = formErrors(e, this.i18n.t('error.unknown'));
      this.fields.set(fields);
      this.error.set(form);
    } finally {
      this.busy.set(false);
    }
  }
}
