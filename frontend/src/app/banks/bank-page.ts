import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { BankSummary, Difficulty, ItemRecord, ItemType } from '@qadam/contracts';
import { I18n } from '../i18n/i18n';
import { injectText } from '../i18n/dictionary';
import { Pager } from '../staff/pager';
import { BanksApi, type CompetencyChoice } from './banks-api';
import { BANKS_TEXT } from './banks.text';
import { ITEM_TYPES } from './item-draft';

const PAGE_SIZE = 50;

/** One bank's items, filtered as the API allows (type, competency, archived too). */
@Component({
  selector: 'q-bank-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Pager, RouterLink],
  template: `
    <p>
      <a routerLink="/staff/banks">← {{ t('title') }}</a>
    </p>
    <h1>{{ bank() ? i18n.pick(bank()!.title) || bank()!.key : t('bank') }}</h1>
    @if (bank(); as b) {
      <p class="q-meta">{{ b.key }} · {{ t('liveItems', { count: b.items }) }}</p>
    }
    <p>
      <a class="q-button" [routerLink]="['/staff/banks', id(), 'items', 'new']">{{
        t('addItem')
      }}</a>
    </p>

    <form class="q-row filters" (submit)="$event.preventDefault()" [attr.aria-label]="t('filters')">
      <label class="q-field">
        <span>{{ t('itemType') }}</span>
        <select name="filterType" (change)="filter({ type: $any($event.target).value })">
          <option value="">{{ t('all') }}</option>
          @for (ty of types; track ty) {
            <option [value]="ty" [selected]="type() === ty">{{ t(typeKey(ty)) }}</option>
          }
        </select>
      </label>
      <label class="q-field">
        <span>{{ t('competency') }}</span>
        <select
          name="filterCompetency"
          (change)="filter({ competency: $any($event.target).value })"
        >
          <option value="">{{ t('all') }}</option>
          @for (g of groups(); track g.framework) {
            <optgroup [label]="g.framework">
              @for (c of g.items; track c.code) {
                <option [value]="c.code" [selected]="competency() === c.code">
                  {{ c.code }} — {{ i18n.pick(c.name) }}
                </option>
              }
            </optgroup>
          }
        </select>
      </label>
      <label class="inline">
        <input
          type="checkbox"
          name="filterArchived"
          [checked]="archived()"
          (change)="filter({ archived: $any($event.target).checked })"
        />
        {{ t('showArchived') }}
      </label>
    </form>

    @if (error()) {
      <p class="q-error" role="alert">{{ error() }}</p>
    }
    <p class="q-meta" role="status">
      {{ loaded() ? t('found', { count: total() }) : t('loading') }}
    </p>
    <div class="q-scroll">
      <table class="q-table">
        <caption class="q-visually-hidden">
          {{
            t('items')
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ t('itemKey') }}</th>
            <th scope="col">{{ t('prompt') }}</th>
            <th scope="col">{{ t('itemType') }}</th>
            <th scope="col">{{ t('difficulty') }}</th>
            <th scope="col">{{ t('competencies') }}</th>
            <th scope="col">{{ t('version') }}</th>
            <th scope="col">{{ t('state') }}</th>
          </tr>
        </thead>
        <tbody>
          @for (it of items(); track it.id) {
            <tr [attr.data-item]="it.id" [attr.data-key]="it.key">
              <td>
                <a [routerLink]="['/staff/banks', id(), 'items', it.id]">{{
                  it.key || t('noKey')
                }}</a>
              </td>
              <td class="prompt">{{ excerpt(it) }}</td>
              <td>{{ t(typeKey(it.type)) }}</td>
              <td>{{ t(difficultyKey(it.difficulty)) }}</td>
              <td>{{ it.competencies.join(', ') }}</td>
              <td>{{ it.version }}</td>
              <td>{{ it.archived ? t('archived') : t('live') }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
    @if (pages() > 1) {
      <q-pager [page]="page()" [pages]="pages()" (go)="load($event)" />
    }
  `,
  styles: `
    .filters {
      margin: 1rem 0;
    }
    .inline {
      display: inline-flex;
      gap: 0.4rem;
      align-items: center;
    }
    .prompt {
      max-width: 24rem;
    }
    .pager {
      margin-top: 0.75rem;
      align-items: center;
    }
  `,
})
export class BankPage {
  protected readonly t = injectText(BANKS_TEXT);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(BanksApi);
  /** Route parameter: the bank's id. */
  readonly id = input.required<string>();

  protected readonly types = ITEM_TYPES;
  protected readonly bank = signal<BankSummary | null>(null);
  protected readonly items = signal<ItemRecord[]>([]);
  protected readonly total = signal(0);
  protected readonly page = signal(1);
  protected readonly pages = signal(1);
  protected readonly loaded = signal(false);
  protected readonly error = signal('');
  protected readonly type = signal<ItemType | ''>('');
  protected readonly competency = signal('');
  protected readonly archived = signal(false);
  private readonly competencyList = signal<CompetencyChoice[]>([]);
  protected readonly groups = computed(() => {
    const by = new Map<string, CompetencyChoice[]>();
    for (const c of this.competencyList()) by.set(c.framework, [...(by.get(c.framework) ?? []), c]);
    return [...by].map(([framework, items]) => ({ framework, items }));
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        void this.load(1);
        this.api.bank(id).then(
          (b) => this.bank.set(b),
          () => this.bank.set(null),
        );
      });
    });
    this.api.competencies().then(
      (list) => this.competencyList.set(list),
      () => this.competencyList.set([]),
    );
  }

  protected typeKey(t: ItemType) {
    return `type.${t}` as const;
  }
  protected difficultyKey(d: Difficulty) {
    return `difficulty.${d}` as const;
  }

  /** The prompt's start, in the interface language (or the first one the item has). */
  protected excerpt(it: ItemRecord): string {
    const text = this.i18n.pick(it.definition.prompt);
    return text.length > 120 ? `${text.slice(0, 117)}…` : text;
  }

  protected filter(f: { type?: ItemType | ''; competency?: string; archived?: boolean }): void {
    if (f.type !== undefined) this.type.set(f.type);
    if (f.competency !== undefined) this.competency.set(f.competency);
    if (f.archived !== undefined) this.archived.set(f.archived);
    void this.load(1);
  }

  protected async load(page: number): Promise<void> {
    try {
      const p = await this.api.items(this.id(), {
        page,
        pageSize: PAGE_SIZE,
        type: this.type() || undefined,
        competency: this.competency() || undefined,
        archived: this.archived() || undefined,
      });
      this.items.set(p.items);
      this.total.set(p.total);
      this.page.set(p.page);
      this.pages.set(Math.max(1, Math.ceil(p.total / p.pageSize)));
      this.error.set('');
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    } finally {
      this.loaded.set(true);
    }
  }
}
