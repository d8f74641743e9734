import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { BankSummary, Lang } from '@qadam/contracts';
import { formErrors } from '../auth/field-errors';
import { I18n } from '../i18n/i18n';
import { injectText } from '../i18n/dictionary';
import { Pager } from '../staff/pager';
import { BanksApi } from './banks-api';
import { BANKS_TEXT } from './banks.text';
import { LANG_CODES, noTexts, type Texts, translatable } from './item-draft';
import { TextsField } from './texts-field';

const PAGE_SIZE = 50;

/** The banks: a page of them with live item counts, a form for a new one, Moodle XML export. */
@Component({
  selector: 'q-banks-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Pager, RouterLink, TextsField],
  template: `
    <h1>{{ t('title') }}</h1>
    <p>
      <a routerLink="/staff/banks/import">{{ t('importLink') }}</a>
    </p>
    @if (error()) {
      <p class="q-error" role="alert">{{ error() }}</p>
    }
    <div class="q-row">
      <label class="q-field">
        <span>{{ t('exportLang') }}</span>
        <select name="exportLang" (change)="exportLang.set($any($event.target).value)">
          @for (l of langs; track l) {
            <option [value]="l" [selected]="exportLang() === l">{{ t(langKey(l)) }}</option>
          }
        </select>
      </label>
    </div>
    @if (download(); as dl) {
      <p role="status">
        <a [href]="dl.url" [attr.download]="dl.name">{{ t('downloadFile', { name: dl.name }) }}</a>
      </p>
    }
    <div class="q-scroll">
      <table class="q-table">
        <caption class="q-visually-hidden">
          {{
            t('title')
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ t('bankKey') }}</th>
            <th scope="col">{{ t('bankTitle') }}</th>
            <th scope="col">{{ t('itemCount') }}</th>
            <th scope="col">{{ t('updated') }}</th>
            <th scope="col">{{ t('export') }}</th>
          </tr>
        </thead>
        <tbody>
          @for (b of banks(); track b.id) {
            <tr [attr.data-key]="b.key">
              <td>
                <a [routerLink]="['/staff/banks', b.id]">{{ b.key }}</a>
              </td>
              <td>{{ i18n.pick(b.title) }}</td>
              <td>{{ i18n.format(b.items) }}</td>
              <td>{{ i18n.date(b.updatedAt) }}</td>
              <td>
                <button
                  type="button"
                  class="q-link"
                  [attr.aria-label]="t('exportBank', { key: b.key })"
                  (click)="exportBank(b)"
                >
                  Moodle XML
                </button>
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="5">{{ loaded() ? t('noBanks') : t('loading') }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
    @if (pages() > 1) {
      <q-pager [page]="page()" [pages]="pages()" (go)="go($event)" />
    }

    <form class="q-card q-form new-bank" (submit)="create($event)" novalidate>
      <h2>{{ t('newBank') }}</h2>
      <label>
        <span>{{ t('bankKey') }}</span>
        <input name="bankKey" [value]="key()" (input)="key.set($any($event.target).value)" />
      </label>
      <p class="q-meta">{{ t('bankKeyHelp') }}</p>
      @if (fields()['key']) {
        <p class="q-error">{{ fields()['key'] }}</p>
      }
      <div class="q-wide">
        <q-texts
          [label]="t('bankTitle')"
          name="bankTitle"
          [value]="title()"
          [langs]="langs"
          [problems]="fields()['title'] ? [fields()['title']] : []"
          (changed)="title.set($event)"
        />
      </div>
      @if (createError()) {
        <p class="q-error" role="alert">{{ createError() }}</p>
      }
      @if (created(); as c) {
        <p class="q-ok" role="status">
          {{ t('bankCreated', { key: c.key }) }}
          <a [routerLink]="['/staff/banks', c.id]">{{ t('openBank') }}</a>
        </p>
      }
      <button type="submit" [disabled]="busy()">{{ t('create') }}</button>
    </form>
  `,
  styles: `
    .new-bank {
      margin-top: 1.5rem;
    }
    .pager {
      margin-top: 0.75rem;
      align-items: center;
    }
  `,
})
export class BanksPage {
  protected readonly t = injectText(BANKS_TEXT);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(BanksApi);
  protected readonly langs = LANG_CODES;

  protected readonly banks = signal<BankSummary[]>([]);
  protected readonly page = signal(1);
  protected readonly pages = signal(1);
  protected readonly loaded = signal(false);
  protected readonly error = signal('');
  protected readonly exportLang = signal<Lang>('kk');
  protected readonly download = signal<{ url: string; name: string } | null>(null);

  protected readonly key = signal('');
  protected readonly title = signal<Texts>(noTexts());
  protected readonly busy = signal(false);
  protected readonly createError = signal('');
  protected readonly fields = signal<Record<string, string>>({});
  protected readonly created = signal<BankSummary | null>(null);

  constructor() {
    void this.go(1);
    // Object URLs hold the file in memory until revoked.
    inject(DestroyRef).onDestroy(() => this.revoke());
  }

  protected langKey(l: Lang) {
    return `lang.${l}` as const;
  }

  protected async go(page: number): Promise<void> {
    try {
      const p = await this.api.banks(page, PAGE_SIZE);
      this.banks.set(p.items);
      this.page.set(p.page);
      this.pages.set(Math.max(1, Math.ceil(p.total / p.pageSize)));
      this.error.set('');
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    } finally {
      this.loaded.set(true);
    }
  }

  protected async exportBank(b: BankSummary): Promise<void> {
    this.error.set('');
    try {
      const blob = await this.api.exportBank(b.id, this.exportLang());
      this.revoke();
      this.download.set({
        url: URL.createObjectURL(blob),
        name: `${b.key}.${this.exportLang()}.moodle.xml`,
      });
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    }
  }

  private revoke(): void {
    const dl = this.download();
    if (dl) URL.revokeObjectURL(dl.url);
    this.download.set(null);
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault();
    this.busy.set(true);
    this.createError.set('');
    this.fields.set({});
    this.created.set(null);
    try {
      const bank = await this.api.createBank(this.key().trim(), translatable(this.title()));
      this.created.set(bank);
      this.key.set('');
      this.title.set(noTexts());
      await this.go(this.page());
    } catch (e) {
      const { form, fields } = formErrors(e, this.i18n.t('error.unknown'));
      this.createError.set(form);
      this.fields.set(fields);
    } finally {
      this.busy.set(false);
    }
  }
}
