import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ApiClient } from '../core/api-client';
import { Session } from '../core/session';
import { injectText } from '../i18n/dictionary';
import { aboutKey, labelKey, sectionsFor } from './staff-sections';
import { STAFF_TEXT } from './staff.text';

/** The staff console's frame: the sections this account's roles open, then the section itself. */
@Component({
  selector: 'q-staff-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive, RouterOutlet],
  template: `
    <nav class="q-subnav" [attr.aria-label]="t('sections')">
      @for (s of sections(); track s.key) {
        <a [routerLink]="s.path" routerLinkActive="active" [routerLinkActiveOptions]="exact">{{
          t(label(s))
        }}</a>
      }
    </nav>
    <router-outlet />
  `,
})
export class StaffShell {
  protected readonly t = injectText(STAFF_TEXT);
  private readonly session = inject(Session);
  protected readonly exact = { exact: true };
  protected readonly label = labelKey;
  protected readonly sections = computed(() => sectionsFor(this.session.user()?.roles ?? []));

  constructor() {
    // The menu follows the account's roles as they are now, not as they were at sign-in.
    inject(ApiClient)
      .me()
      .then(
        (user) => this.session.updateUser(user),
        () => undefined,
      );
  }
}

/** The console's first page: each section open to this account, with what it is for. */
@Component({
  selector: 'q-staff-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1>{{ t('console') }}</h1>
    <p>{{ t('welcome') }}</p>
    <ul class="q-list">
      @for (s of sections(); track s.key) {
        <li>
          <a [routerLink]="s.path">{{ t(label(s)) }}</a>
          <p class="q-meta">{{ t(about(s)) }}</p>
        </li>
      }
    </ul>
  `,
})
export class StaffHome {
  protected readonly t = injectText(STAFF_TEXT);
  private readonly session = inject(Session);
  protected readonly label = labelKey;
  protected readonly about = aboutKey;
  protected readonly sections = computed(() => sectionsFor(this.session.user()?.roles ?? []));
}
