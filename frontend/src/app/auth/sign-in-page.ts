import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ApiClient } from '../core/api-client';
import { I18n } from '../i18n/i18n';
import { formErrors } from './field-errors';

@Component({
  selector: 'q-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <section class="q-card auth">
      <h1>{{ i18n.t('auth.signIn') }}</h1>
      <form (submit)="submit($event)" novalidate>
        <label>
          <span>{{ i18n.t('auth.email') }}</span>
          <input
            name="email"
            type="email"
            autocomplete="username"
            required
            [value]="email()"
            (input)="email.set($any($event.target).value)"
          />
        </label>
        <label>
          <span>{{ i18n.t('auth.password') }}</span>
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            required
            [value]="password()"
            (input)="password.set($any($event.target).value)"
          />
        </label>
        @if (error()) {
          <p class="q-error" role="alert">{{ error() }}</p>
        }
        <button type="submit" [disabled]="busy()">{{ i18n.t('auth.signIn') }}</button>
      </form>
      <p>
        {{ i18n.t('auth.noAccount') }}
        <a routerLink="/sign-up" [queryParams]="returnUrl() ? { returnUrl: returnUrl() } : {}">{{
          i18n.t('auth.signUp')
        }}</a>
      </p>
    </section>
  `,
  styleUrl: './auth.css',
})
export class SignInPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ApiClient);
  private readonly router = inject(Router);
  readonly returnUrl = input<string>();
  protected readonly email = signal('');
  protected readonly password = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal('');

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.email().trim() || !this.password()) {
      this.error.set(this.i18n.t('auth.fillBoth'));
      return;
    }
    this.busy.set(true);
    this.error.set('');
    try {
      await this.api.login({ email: this.email().trim(), password: this.password() });
      await this.router.navigateByUrl(safeReturn(this.returnUrl()));
    } catch (e) {
      this.error.set(formErrors(e, this.i18n.t('error.unknown')).form);
    } finally {
      this.busy.set(false);
    }
  }
}

/** Only an address inside the app: a crafted link must not send the teacher elsewhere. */
export function safeReturn(url: string | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') ? url : '/courses';
}
