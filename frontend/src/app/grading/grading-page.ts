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
import type { GradingTask } from '@qadam/contracts';
import { ApiError } from '../core/api-client';
import { formErrors } from '../auth/field-errors';
import { injectText } from '../i18n/dictionary';
import { Pager } from '../staff/pager';
import { I18n } from '../i18n/i18n';
import { GradingApi } from './grading-api';
import { GRADING_TEXT } from './grading.text';

const PAGE_SIZE = 20;
const key = (t: Pick<GradingTask, 'attemptId' | 'itemId'>) => `${t.attemptId}/${t.itemId}`;

/**
 * The grading queue, oldest submission first: open an answer, choose a level per rubric
 * criterion, leave a comment, and the next answer opens. Graders see the answer, never who
 * wrote it (the API does not send it).
 */
@Component({
  selector: 'q-grading-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Pager],
  template: `
    <h1>{{ t('title') }}</h1>
    <p>{{ t('intro') }}</p>

    <div role="status" aria-live="polite">
      @if (notice()) {
        <p class="q-ok notice">{{ notice() }}</p>
      }
    </div>
    @if (error()) {
      <p class="q-error" role="alert">{{ error() }}</p>
    }

    @if (current(); as task) {
      <section
        class="q-card task"
        [attr.data-attempt]="task.attemptId"
        aria-labelledby="task-title"
      >
        <h2 id="task-title" tabindex="-1" #taskTitle>{{ task.assessmentTitle }}</h2>
        <p class="q-meta">
          {{ t('submittedAt', { when: i18n.date(task.submittedAt) }) }} · {{ task.courseSlug }}
        </p>
        <h3>{{ t('prompt') }}</h3>
        <div class="text prompt">{{ task.prompt }}</div>
        <h3>{{ t('response') }}</h3>
        <div class="text response" data-testid="response">{{ task.response }}</div>

        <form class="rubric" (submit)="submit($event, task)" novalidate>
          <h3>{{ t('rubric') }}</h3>
          @for (c of task.rubric.criteria; track c.id) {
            <fieldset class="criterion" [attr.data-criterion]="c.id">
              <legend>{{ i18n.pick(c.title) }}</legend>
              @for (l of c.levels; track l.id) {
                <label class="choice">
                  <input
                    type="radio"
                    [name]="'criterion-' + c.id"
                    [value]="l.id"
                    [checked]="levels()[c.id] === l.id"
                    (change)="choose(c.id, l.id)"
                  />
                  <span>{{ t('level', { title: i18n.pick(l.title), points: l.points }) }}</span>
                </label>
              }
            </fieldset>
          }
          <p class="total" aria-live="polite" data-testid="total">
            {{ t('total', { points: score(), max: max() }) }}
            @if (max() > 0 && task.points !== max()) {
              · {{ t('weighted', { score: weighted(), points: task.points }) }}
            }
            @if (left() > 0) {
              <br /><span class="q-warn">{{ t('left', { count: left() }) }}</span>
            }
          </p>
          <label class="q-field">
            <span>{{ t('comment') }}</span>
            <textarea
              name="comment"
              rows="4"
              maxlength="5000"
              [value]="comment()"
              (input)="comment.set($any($event.target).value)"
            ></textarea>
          </label>
          <div class="q-row actions">
            <button type="submit" [disabled]="busy() || left() > 0">{{ t('submit') }}</button>
            <button type="button" class="secondary" (click)="close()">{{ t('close') }}</button>
          </div>
        </form>
      </section>
    }

    <section class="queue" aria-labelledby="queue-title">
      <h2 id="queue-title">{{ t('queue') }}</h2>
      <div class="q-row">
        <label class="q-field">
          <span>{{ t('assessment') }}</span>
          <select name="assessment" (change)="filter($any($event.target).value)">
            <option value="" [selected]="!assessmentId()">{{ t('allAssessments') }}</option>
            @for (a of assessments(); track a.id) {
              <option [value]="a.id" [selected]="assessmentId() === a.id">{{ a.title }}</option>
            }
          </select>
        </label>
      </div>
      <p class="q-meta">
        @if (loaded()) {
          {{
            total() === 0
              ? t('empty')
              : t('waiting', { total: total(), page: page(), pages: pages() })
          }}
        }
      </p>
      @if (tasks().length) {
        <div class="q-scroll">
          <table class="q-table">
            <caption class="q-visually-hidden">
              {{
                t('queue')
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ t('submitted') }}</th>
                <th scope="col">{{ t('assessment') }}</th>
                <th scope="col">{{ t('points') }}</th>
                <th scope="col">
                  <span class="q-visually-hidden">{{ t('actions') }}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              @for (task of tasks(); track keyOf(task)) {
                <tr
                  [attr.data-attempt]="task.attemptId"
                  [attr.data-item]="task.itemId"
                  [class.current]="isCurrent(task)"
                >
                  <td>{{ i18n.date(task.submittedAt) }}</td>
                  <td>
                    {{ task.assessmentTitle }}<br /><small>{{ task.courseSlug }}</small>
                  </td>
                  <td>{{ task.points }}</td>
                  <td>
                    <button
                      type="button"
                      class="secondary"
                      [attr.aria-current]="isCurrent(task) ? 'true' : null"
                      (click)="open(task)"
                    >
                      {{ t('open') }}
                      <span class="q-visually-hidden">: {{ task.assessmentTitle }}</span>
                    </button>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        <q-pager [page]="page()" [pages]="pages()" (go)="go($event)" />
      }
    </section>
  `,
  styleUrl: './grading.css',
})
export class GradingPage {
  protected readonly t = injectText(GRADING_TEXT);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(GradingApi);
  private readonly injector = inject(Injector);
  protected readonly tasks = signal<GradingTask[]>([]);
  protected readonly total = signal(0);
  protected readonly page = signal(1);
  protected readonly loaded = signal(false);
  protected readonly assessmentId = signal('');
  /** Every assessment seen in the queue this visit, so the filter keeps its choices. */
  private readonly seen = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly assessments = computed(() =>
    [...this.seen()].map(([id, title]) => ({ id, title })),
  );
  protected readonly current = signal<GradingTask | null>(null);
  protected readonly levels = signal<Record<string, string>>({});
  protected readonly comment = signal('');
  protected readonly busy = signal(false);
  protected readonly notice = signal('');
  protected readonly error = signal('');
  private readonly taskTitle = viewChild<ElementRef<HTMLElement>>('taskTitle');
  protected readonly pages = computed(() => Math.max(1, Math.ceil(this.total() / PAGE_SIZE)));

  /** Rubric points chosen so far, of the rubric's maximum (the best level of each criterion). */
  protected readonly score = computed(() => {
    const task = this.current();
    const chosen = this.levels();
    if (!task) return 0;
    return task.rubric.criteria.reduce(
      (sum, c) => sum + (c.levels.find((l) => l.id === chosen[c.id])?.points ?? 0),
      0,
    );
  });
  protected readonly max = computed(
    () =>
      this.current()?.rubric.criteria.reduce(
        (sum, c) => sum + Math.max(0, ...c.levels.map((l) => l.points)),
        0,
      ) ?? 0,
  );
  /** The item's score as the attempt counts it: the rubric's share of the item's points. */
  protected readonly weighted = computed(() => {
    const task = this.current();
    if (!task || this.max() === 0) return 0;
    return Math.round((task.points * this.score() * 100) / this.max()) / 100;
  });
  protected readonly left = computed(() => {
    const chosen = this.levels();
    return this.current()?.rubric.criteria.filter((c) => !chosen[c.id]).length ?? 0;
  });

  constructor() {
    void this.load();
  }

  protected keyOf(task: GradingTask): string {
    return key(task);
  }

  protected isCurrent(task: GradingTask): boolean {
    const c = this.current();
    return !!c && key(c) === key(task);
  }

  protected open(task: GradingTask): void {
    this.current.set(task);
    this.levels.set({});
    this.comment.set('');
    this.error.set('');
    // Keyboard and screen-reader users land on the answer they opened.
    afterNextRender(() => this.taskTitle()?.nativeElement.focus(), { injector: this.injector });
  }

  protected close(): void {
    this.current.set(null);
  }

  protected choose(criterion: string, level: string): void {
    this.levels.update((l) => ({ ...l, [criterion]: level }));
  }

  protected filter(id: string): void {
    this.assessmentId.set(id);
    this.page.set(1);
    this.current.set(null);
    void this.load();
  }

  protected go(page: number): void {
    this.page.set(page);
    void this.load();
  }

  protected async submit(event: Event, task: GradingTask): Promise<void> {
    event.preventDefault();
    if (this.left() > 0) return;
    this.busy.set(true);
    this.error.set('');
    this.notice.set('');
    const at = this.tasks().findIndex((x) => key(x) === key(task));
    try {
      const result = await this.api.grade(task, this.levels(), this.comment().trim() || undefined);
      this.notice.set(
        result.status === 'graded' && result.percent !== null
          ? this.t('gradedFinal', { percent: Math.round(result.percent) })
          : this.t('graded'),
      );
      await this.load();
      // The graded answer has left the queue: the one that followed it now has its place.
      const list = this.tasks();
      const next = list[Math.max(0, at)] ?? list[0];
      if (next) this.open(next);
      else this.current.set(null);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'NOT_AWAITING_GRADE') {
        // Someone else graded it meanwhile (or the attempt changed): say so, show the queue now.
        this.current.set(null);
        this.error.set(this.t('taken'));
        await this.load();
      } else {
        const { form, fields } = formErrors(e, this.i18n.t('error.unknown'));
        this.error.set([form, ...Object.values(fields)].join(' '));
      }
    } finally {
      this.busy.set(false);
    }
  }

  private async load(): Promise<void> {
    try {
      const p = await this.api.tasks({
        assessmentId: this.assessmentId() || undefined,
        page: this.page(),
        pageSize: PAGE_SIZE,
      });
      // A later page emptied by grading (the API counts nothing then): step back a page.
      if (p.items.length === 0 && this.page() > 1) {
        this.page.update((n) => n - 1);
        return this.load();
      }
      this.tasks.set(p.items);
      this.total.set(p.total);
      this.loaded.set(true);
      const fresh = p.items.filter((x) => !this.seen().has(x.assessmentId));
      if (fresh.length) {
        this.seen.update(
          (m) => new Map([...m, ...fresh.map((x) => [x.assessmentId, x.assessmentTitle] as const)]),
        );
      }
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    }
  }
}
