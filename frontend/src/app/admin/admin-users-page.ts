import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import type { LocalizedText, Role, UserProfile } from '@qadam/contracts';
import { Session } from '../core/session';
import { injectText } from '../i18n/dictionary';
import { Pager } from '../staff/pager';
import { I18n } from '../i18n/i18n';
import { AdminApi } from './admin-api';
import { ADMIN_TEXT } from './admin.text';

export const ROLES: readonly Role[] = ['teacher', 'author', 'assessor', 'admin'];
const PAGE_SIZE = 25;

/** Accounts: find by e-mail or name, filter by role, and change an account's roles. */
@Component({
  selector: 'q-admin-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Pager],
  template: `
    <h1>{{ t('users.title') }}</h1>
    <form class="q-card q-form" role="search" (submit)="search($event)">
      <label>
        <span>{{ t('users.search') }}</span>
        <input
          name="q"
          type="search"
          maxlength="100"
          [value]="q()"
          (input)="q.set($any($event.target).value)"
        />
      </label>
      <label>
        <span>{{ t('users.role') }}</span>
        <select name="role" (change)="role.set($any($event.target).value)">
          <option value="" [selected]="role() === ''">{{ t('users.anyRole') }}</option>
          @for (r of roles; track r) {
            <option [value]="r" [selected]="role() === r">{{ t(roleKey(r)) }}</option>
          }
        </select>
      </label>
      <button type="submit">{{ t('users.find') }}</button>
    </form>

    @if (error()) {
      <p class="q-error" role="alert">{{ error() }}</p>
    }
    <p class="q-meta" role="status">
      @if (loaded()) {
        {{ total() === 0 ? t('users.none') : pageText() }}
      }
    </p>

    @if (users().length) {
      <div class="q-scroll">
        <table class="q-table">
          <caption class="q-visually-hidden">
            {{
              t('users.title')
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ t('users.name') }}</th>
              <th scope="col">{{ t('users.email') }}</th>
              <th scope="col">{{ t('users.iin') }}</th>
              <th scope="col">{{ t('users.region') }}</th>
              <th scope="col">{{ t('users.roles') }}</th>
              <th scope="col">{{ t('users.created') }}</th>
              <th scope="col">
                <span class="q-visually-hidden">{{ t('users.actions') }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (u of users(); track u.id) {
              <tr [attr.data-email]="u.email">
                <td>
                  {{ u.fullName }}
                  @if (u.id === me()) {
                    <small>{{ t('users.you') }}</small>
                  }
                </td>
                <td class="wrap">{{ u.email }}</td>
                <td>{{ u.iin ?? '—' }}</td>
                <td>{{ region(u.region) }}</td>
                <td class="roles">{{ roleNames(u.roles) }}</td>
                <td>{{ i18n.date(u.createdAt) }}</td>
                <td>
                  <button
                    type="button"
                    class="secondary"
                    [attr.aria-expanded]="editing()?.id === u.id"
                    (click)="edit(u)"
                  >
                    {{ t('users.edit') }}
                    <span class="q-visually-hidden">: {{ u.fullName }}</span>
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      <q-pager [page]="page()" [pages]="pages()" (go)="go($event)" />
    }

    <div role="status">
      @if (saved()) {
        <p class="q-ok saved">{{ saved() }}</p>
      }
    </div>

    @if (editing(); as u) {
      <form
        class="q-card editor"
        [attr.data-email]="u.email"
        (submit)="save($event, u)"
        aria-labelledby="roles-title"
      >
        <h2 id="roles-title" tabindex="-1" #editorTitle>
          {{ t('users.editTitle', { name: u.fullName }) }}
        </h2>
        <p class="q-meta">{{ u.email }}</p>
        <fieldset>
          <legend>{{ t('users.roles') }}</legend>
          @for (r of roles; track r) {
            <label class="choice">
              <input
                type="checkbox"
                name="roles"
                [value]="r"
                [checked]="chosen().includes(r)"
                (change)="toggle(r, $any($event.target).checked)"
              />
              <span
                ><strong>{{ t(roleKey(r)) }}</strong> — {{ t(aboutKey(r)) }}</span
              >
            </label>
          }
        </fieldset>
        <p class="q-warn note">{{ t('users.signOutNote') }}</p>
        @if (chosen().length === 0) {
          <p class="q-error">{{ t('users.atLeastOne') }}</p>
        }
        @if (editError()) {
          <p class="q-error" role="alert">{{ editError() }}</p>
        }
        <div class="q-row">
          <button type="submit" [disabled]="busy() || chosen().length === 0 || !changed()">
            {{ t('users.save') }}
          </button>
          <button type="button" class="secondary" (click)="editing.set(null)">
            {{ t('users.cancel') }}
          </button>
        </div>
      </form>
    }
  `,
  styleUrls: ['./admin.css', './admin-pages.css'],
})
export class AdminUsersPage {
  protected readonly t = injectText(ADMIN_TEXT);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AdminApi);
  private readonly injector = inject(Injector);
  protected readonly roles = ROLES;
  private readonly session = inject(Session);
  protected readonly me = computed(() => this.session.user()?.id ?? null);
  protected readonly q = signal('');
  protected readonly role = signal<Role | ''>('');
  protected readonly page = signal(1);
  protected readonly total = signal(0);
  protected readonly users = signal<UserProfile[]>([]);
  protected readonly loaded = signal(false);
  protected readonly error = signal('');
  protected readonly editing = signal<UserProfile | null>(null);
  protected readonly chosen = signal<Role[]>([]);
  protected readonly editError = signal('');
  protected readonly saved = signal('');
  protected readonly busy = signal(false);
  private readonly regionNames = signal<Record<string, LocalizedText>>({});
  private readonly editorTitle = viewChild<ElementRef<HTMLElement>>('editorTitle');
  protected readonly pages = computed(() => Math.max(1, Math.ceil(this.total() / PAGE_SIZE)));
  protected readonly changed = computed(() => {
    const u = this.editing();
    return !!u && [...u.roles].sort().join() !== [...this.chosen()].sort().join();
  });

  constructor() {
    void this.load();
    // Region codes are shown by name; without the reference list the code is still shown.
    this.api.reference().then(
      (ref) => this.regionNames.set(Object.fromEntries(ref.regions.map((r) => [r.code, r.name]))),
      () => undefined,
    );
  }

  protected roleKey(r: Role) {
    return `role.${r}` as const;
  }

  protected aboutKey(r: Role) {
    return `role.${r}.about` as const;
  }

  protected roleNames(roles: Role[]): string {
    return ROLES.filter((r) => roles.includes(r))
      .map((r) => this.t(this.roleKey(r)))
      .join(', ');
  }

  protected region(code: string | null): string {
    if (!code) return '—';
    const name = this.regionNames()[code];
    return name ? this.i18n.pick(name) : code;
  }

  protected pageText(): string {
    return this.t('page.of', { total: this.total(), page: this.page(), pages: this.pages() });
  }

  protected search(event: Event): void {
    event.preventDefault();
    this.page.set(1);
    void this.load();
  }

  protected go(page: number): void {
    this.page.set(page);
    void this.load();
  }

  protected edit(u: UserProfile): void {
    this.editing.set(u);
    this.chosen.set([...u.roles]);
    this.editError.set('');
    this.saved.set('');
    // Keyboard and screen-reader users land on the form they just opened.
    afterNextRender(() => this.editorTitle()?.nativeElement.focus(), { injector: this.injector });
  }

  protected toggle(r: Role, on: boolean): void {
    this.chosen.update((list) =>
      on ? [...list.filter((x) => x !== r), r] : list.filter((x) => x !== r),
    );
  }

  protected async save(event: Event, u: UserProfile): Promise<void> {
    event.preventDefault();
    this.busy.set(true);
    this.editError.set('');
    try {
      // In the console's order, so the audit log reads the same way whatever was clicked first.
      const roles = ROLES.filter((r) => this.chosen().includes(r));
      const updated = await this.api.setRoles(u.id, roles);
      this.users.update((list) => list.map((x) => (x.id === updated.id ? updated : x)));
      this.editing.set(null);
      this.saved.set(this.t('users.saved', { name: updated.fullName }));
    } catch (e) {
      this.editError.set(this.i18n.errorText(e));
    } finally {
      this.busy.set(false);
    }
  }

  private async load(): Promise<void> {
    this.error.set('');
    try {
      const p = await this.api.users({
        q: this.q().trim(),
        role: this.role(),
        page: this.page(),
        pageSize: PAGE_SIZE,
      });
      this.users.set(p.items);
      this.total.set(p.total);
      this.loaded.set(true);
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    }
  }
}
