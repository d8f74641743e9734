import {
  ChangeDetectionStrategy,
  Component,
  type WritableSignal,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, type ParamMap, Router } from '@angular/router';
import type { AuditEntry } from '@qadam/contracts';
import { formErrors } from '../auth/field-errors';
import { injectText } from '../i18n/dictionary';
import { Pager } from '../staff/pager';
import { I18n } from '../i18n/i18n';
import { AdminApi, type AuditQuery } from './admin-api';
import { ADMIN_TEXT } from './admin.text';

/** The actions the API writes to the log today (grep `action:` in backend/src), for the hint list. */
export const KNOWN_ACTIONS = [
  'bank.create',
  'bank.import',
  'bank.import.package',
  'certificate.batch',
  'certificate.reissue',
  'certificate.retry',
  'certificate.revoke',
  'cohort.create',
  'cohort.migrate',
  'cohort.update',
  'competency.evidence.annul',
  'competency.recognise',
  'course.create',
  'course.draft.approve',
  'course.draft.discard',
  'course.draft.return',
  'course.draft.submit',
  'course.draft.update',
  'course.enrollments.migrate',
  'course.import',
  'course.import.publish',
  'course.version.publish',
  'enrollment.approve',
  'enrollment.bulk',
  'enrollment.promote',
  'enrollment.reject',
  'framework.create',
  'framework.update',
  'item.archive',
  'item.create',
  'item.key.correct',
  'item.key.regrade',
  'item.revise',
  'ladder.exception.grant',
  'response.grade',
  'response.regrade',
  'trajectory.rule.update',
  'user.admin.create',
  'user.roles.update',
];

export const KNOWN_TARGETS = [
  'attempt',
  'bulk_enrollment_job',
  'certificate',
  'certificate_batch',
  'cohort',
  'competency_evidence',
  'course',
  'enrollment',
  'framework',
  'item',
  'question_bank',
  'trajectory_rule',
  'user',
];

const FILTERS = ['action', 'targetType', 'targetId', 'actorId', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];
const PAGE_SIZE = 50;

/**
 * The audit log, newest first. The filters live in the page address, so a filtered view can be
 * shared as a link and the back button undoes a filter.
 */
@Component({
  selector: 'q-admin-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Pager],
  template: `
    <h1>{{ t('audit.title') }}</h1>
    <form class="q-card q-form" role="search" (submit)="apply($event)" novalidate>
      <h2>{{ t('audit.filters') }}</h2>
      <label>
        <span>{{ t('audit.action') }}</span>
        <input
          name="action"
          list="audit-actions"
          autocomplete="off"
          spellcheck="false"
          [value]="f.action()"
          (input)="f.action.set($any($event.target).value)"
        />
      </label>
      <datalist id="audit-actions">
        @for (a of actions; track a) {
          <option [value]="a"></option>
        }
      </datalist>
      <label>
        <span>{{ t('audit.targetType') }}</span>
        <input
          name="targetType"
          list="audit-targets"
          autocomplete="off"
          spellcheck="false"
          [value]="f.targetType()"
          (input)="f.targetType.set($any($event.target).value)"
        />
      </label>
      <datalist id="audit-targets">
        @for (a of targets; track a) {
          <option [value]="a"></option>
        }
      </datalist>
      <label>
        <span>{{ t('audit.targetId') }}</span>
        <input
          name="targetId"
          spellcheck="false"
          [value]="f.targetId()"
          (input)="f.targetId.set($any($event.target).value)"
        />
      </label>
      <label>
        <span>{{ t('audit.actorId') }}</span>
        <input
          name="actorId"
          spellcheck="false"
          [value]="f.actorId()"
          (input)="f.actorId.set($any($event.target).value)"
        />
      </label>
      <label>
        <span>{{ t('audit.from') }}</span>
        <input
          name="from"
          type="date"
          [value]="f.from()"
          (input)="f.from.set($any($event.target).value)"
        />
      </label>
      <label>
        <span>{{ t('audit.to') }}</span>
        <input
          name="to"
          type="date"
          [value]="f.to()"
          (input)="f.to.set($any($event.target).value)"
        />
      </label>
      <p class="q-meta">{{ t('audit.shareHint') }}</p>
      <div class="q-row q-wide">
        <button type="submit">{{ t('audit.apply') }}</button>
        <button type="button" class="secondary" (click)="reset()">{{ t('audit.reset') }}</button>
      </div>
    </form>

    @if (error()) {
      <p class="q-error" role="alert">{{ error() }}</p>
    }
    <p class="q-meta" role="status">
      @if (loaded()) {
        {{
          total() === 0
            ? t('audit.none')
            : t('page.of', { total: total(), page: page(), pages: pages() })
        }}
      }
    </p>

    @if (entries().length) {
      <div class="q-scroll">
        <table class="q-table audit">
          <caption class="q-visually-hidden">
            {{
              t('audit.title')
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ t('audit.when') }}</th>
              <th scope="col">{{ t('audit.actor') }}</th>
              <th scope="col">{{ t('audit.action') }}</th>
              <th scope="col">{{ t('audit.target') }}</th>
              <th scope="col">{{ t('audit.requestId') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (e of entries(); track e.id) {
              <tr [attr.data-action]="e.action" [attr.data-target-id]="e.targetId">
                <td>
                  <button
                    type="button"
                    class="q-link"
                    [attr.aria-expanded]="open().has(e.id)"
                    [attr.aria-controls]="'audit-' + e.id"
                    (click)="toggle(e.id)"
                  >
                    <time [attr.datetime]="e.createdAt">{{ when(e.createdAt) }}</time>
                    <span class="q-visually-hidden">
                      — {{ t(open().has(e.id) ? 'audit.hide' : 'audit.show') }}</span
                    >
                  </button>
                </td>
                <td class="wrap">
                  @if (e.actorId) {
                    {{ actorName(e.actorId) }}<br /><small class="id">{{ e.actorId }}</small>
                  } @else {
                    {{ t('audit.system') }}
                  }
                </td>
                <td class="code">{{ e.action }}</td>
                <td class="wrap">
                  {{ e.targetType }}<br /><small class="id">{{ e.targetId ?? '—' }}</small>
                </td>
                <td class="id wrap">{{ e.requestId ?? '—' }}</td>
              </tr>
              @if (open().has(e.id)) {
                <tr class="details" [id]="'audit-' + e.id">
                  <td colspan="5">
                    <div class="diff">
                      <div>
                        <h3>{{ t('audit.before') }}</h3>
                        <pre class="json before">{{ json(e.before) }}</pre>
                      </div>
                      <div>
                        <h3>{{ t('audit.after') }}</h3>
                        <pre class="json after">{{ json(e.after) }}</pre>
                      </div>
                    </div>
                  </td>
                </tr>
              }
            }
          </tbody>
        </table>
      </div>
      <q-pager [page]="page()" [pages]="pages()" (go)="go($event)" />
    }
  `,
  styleUrls: ['./admin.css', './admin-pages.css'],
})
export class AdminAuditPage {
  protected readonly t = injectText(ADMIN_TEXT);
  private readonly i18n = inject(I18n);
  private readonly api = inject(AdminApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly actions = KNOWN_ACTIONS;
  protected readonly targets = KNOWN_TARGETS;
  protected readonly f: Record<Filter, WritableSignal<string>> = {
    action: signal(''),
    targetType: signal(''),
    targetId: signal(''),
    actorId: signal(''),
    from: signal(''),
    to: signal(''),
  };
  protected readonly page = signal(1);
  protected readonly total = signal(0);
  protected readonly entries = signal<AuditEntry[]>([]);
  protected readonly loaded = signal(false);
  protected readonly error = signal('');
  protected readonly open = signal<ReadonlySet<string>>(new Set());
  private readonly actors = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly pages = computed(() => Math.max(1, Math.ceil(this.total() / PAGE_SIZE)));
  private readonly time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });

  constructor() {
    // The address is the source of truth: a shared link, a reload and back/forward all land here.
    this.route.queryParamMap
      .pipe(takeUntilDestroyed())
      .subscribe((params) => void this.load(params));
  }

  protected apply(event: Event): void {
    event.preventDefault();
    void this.navigate(1);
  }

  protected reset(): void {
    for (const k of FILTERS) this.f[k].set('');
    void this.navigate(1);
  }

  protected go(page: number): void {
    void this.navigate(page);
  }

  protected toggle(id: string): void {
    this.open.update((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  protected when(iso: string): string {
    return `${this.i18n.date(iso)}, ${this.time.format(new Date(iso))}`;
  }

  protected json(value: unknown): string {
    return value === null || value === undefined
      ? this.t('audit.nothing')
      : JSON.stringify(value, null, 2);
  }

  protected actorName(id: string): string {
    return this.actors().get(id) ?? '…';
  }

  private navigate(page: number): Promise<boolean> {
    const queryParams: Record<string, string | number> = {};
    for (const k of FILTERS) {
      const v = this.f[k]().trim();
      if (v) queryParams[k] = v;
    }
    if (page > 1) queryParams['page'] = page;
    return this.router.navigate([], { relativeTo: this.route, queryParams });
  }

  private async load(params: ParamMap): Promise<void> {
    const q: AuditQuery = { pageSize: PAGE_SIZE };
    for (const k of FILTERS) {
      const v = params.get(k) ?? '';
      this.f[k].set(v);
      if (v) q[k] = v;
    }
    const page = Math.max(1, Number(params.get('page')) || 1);
    q.page = page;
    this.page.set(page);
    this.error.set('');
    this.open.set(new Set());
    try {
      const p = await this.api.audit(q);
      this.entries.set(p.items);
      this.total.set(p.total);
      this.loaded.set(true);
      void this.nameActors(p.items);
    } catch (e) {
      this.entries.set([]);
      this.total.set(0);
      const { form, fields } = formErrors(e, this.i18n.t('error.unknown'));
      this.error.set([form, ...Object.values(fields)].join(' '));
    }
  }

  /** Actors by name: a page holds few distinct ones (staff), each asked for once per visit. */
  private async nameActors(items: AuditEntry[]): Promise<void> {
    const known = this.actors();
    const ids = [...new Set(items.map((e) => e.actorId))].filter(
      (id): id is string => !!id && !known.has(id),
    );
    const found = await Promise.all(
      ids.map((id) =>
        this.api.user(id).then(
          (u) => [id, u.fullName] as const,
          // An account removed since: its id is still shown under the placeholder.
          () => [id, '—'] as const,
        ),
      ),
    );
    if (found.length) this.actors.update((m) => new Map([...m, ...found]));
  }
}
