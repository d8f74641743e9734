import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { Lang } from '@qadam/contracts';
import { Session } from './core/session';
import { I18n, LANGS } from './i18n/i18n';

const LANG_NAMES: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

@Component({
  selector: 'q-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  template: `
    <a class="q-skip" href="#main">{{ i18n.t('app.skipToContent') }}</a>
    <header class="q-header">
      <a class="q-brand" routerLink="/courses">
        <span class="q-logo" aria-hidden="true">Q</span>
        <span>
          <strong>{{ i18n.t('app.name') }}</strong>
          <small>{{ i18n.t('app.tagline') }}</small>
        </span>
      </a>
      <nav [attr.aria-label]="i18n.t('nav.main')">
        <a routerLink="/courses" routerLinkActive="active">{{ i18n.t('nav.catalog') }}</a>
        @if (session.signedIn()) {
          <a routerLink="/learning" routerLinkActive="active">{{ i18n.t('nav.learning') }}</a>
          <a routerLink="/ladder" routerLinkActive="active">{{ i18n.t('nav.ladder') }}</a>
          <a routerLink="/competencies" routerLinkActive="active">{{
            i18n.t('nav.competencies')
          }}</a>
          <a routerLink="/certificates" routerLinkActive="active">{{
            i18n.t('nav.certificates')
          }}</a>
          @if (session.staff()) {
            <a routerLink="/staff" routerLinkActive="active">{{ i18n.t('nav.staff') }}</a>
          }
        }
      </nav>
      @if (session.user(); as user) {
        <a class="q-user" routerLink="/profile" routerLinkActive="active">{{ user.fullName }}</a>
        <button type="button" class="secondary" (click)="signOut()">
          {{ i18n.t('nav.signOut') }}
        </button>
      } @else {
        <a routerLink="/sign-in" routerLinkActive="active">{{ i18n.t('nav.signIn') }}</a>
      }
      <label class="q-lang">
        <span class="q-visually-hidden">{{ i18n.t('nav.language') }}</span>
        <select
          name="lang"
          [attr.aria-label]="i18n.t('nav.language')"
          (change)="setLang($any($event.target).value)"
        >
          @for (l of langs; track l) {
            <!-- Per option: a value bound on the select before its options exist is lost. -->
            <option [value]="l" [attr.lang]="l" [selected]="l === i18n.lang()">
              {{ names[l] }}
            </option>
          }
        </select>
      </label>
    </header>
    <main id="main" tabindex="-1"><router-outlet /></main>
  `,
  styles: `
    .q-skip {
      position: absolute;
      left: -9999px;
    }
    .q-skip:focus {
      left: 1rem;
      top: 0.5rem;
      background: #fff;
      padding: 0.5rem;
      z-index: 10;
    }
    .q-header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem 1.5rem;
      padding: 0.6rem 1rem;
      background: var(--q-surface);
      border-bottom: 1px solid var(--q-border);
    }
    .q-brand {
      display: flex;
      gap: 0.6rem;
      align-items: center;
      color: var(--q-text);
      text-decoration: none;
    }
    .q-brand small {
      display: block;
      color: var(--q-muted);
      font-size: 0.8rem;
    }
    .q-logo {
      display: grid;
      place-items: center;
      width: 2.2rem;
      height: 2.2rem;
      border-radius: 6px;
      background: var(--q-primary);
      color: #fff;
      font-weight: 700;
    }
    /* The menu gets a row of its own under the brand, so it never squeezes on a phone. */
    nav {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.25rem;
      order: 3;
      flex-basis: 100%;
    }
    nav a {
      text-decoration: none;
      padding: 0.25rem 0;
    }
    .q-brand {
      margin-right: auto;
    }
    .q-user {
      color: var(--q-muted);
    }
    nav a.active {
      font-weight: 600;
      border-bottom: 2px solid var(--q-primary);
    }
  `,
})
export class App {
  protected readonly i18n = inject(I18n);
  protected readonly session = inject(Session);
  private readonly router = inject(Router);
  protected readonly langs = LANGS;
  protected readonly names = LANG_NAMES;

  protected signOut(): void {
    this.session.end();
    void this.router.navigateByUrl('/courses');
  }

  protected setLang(value: string): void {
    if (LANGS.includes(value as Lang)) void this.i18n.use(value as Lang);
  }
}
