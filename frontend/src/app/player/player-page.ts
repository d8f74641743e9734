import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { DOCUMENT, NgTemplateOutlet } from '@angular/common';
import { RouterLink } from '@angular/router';
import type { AttemptItemView, AttemptView, ItemResponse } from '@qadam/contracts';
import { ApiClient } from '../core/api-client';
import { I18n } from '../i18n/i18n';
import { ItemInput } from './item-input';
import { isAnswered, PlayerStore } from './player-store';

const TYPED = new Set(['short_answer', 'numeric', 'essay', 'task']);

/**
 * The test player: one item per page or all on one page, as the test says; a timer counting down
 * to the server's deadline; every answer saved as it is given, with its state always in view.
 */
@Component({
  selector: 'q-player-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ItemInput, NgTemplateOutlet],
  template: `
    @if (error()) {
      <p class="q-error" role="alert">{{ error() }}</p>
      <a [routerLink]="['/courses', slug()]">{{ i18n.t('lesson.backToCourse') }}</a>
    } @else if (store(); as s) {
      <div class="bar" role="region" [attr.aria-label]="i18n.t('player.status')">
        @if (s.remainingMs() !== null && !s.result()) {
          <span class="timer" [class.urgent]="s.warning()" role="timer">
            {{ i18n.t('player.timeLeft', { time: clock(s.remainingMs()!) }) }}
          </span>
        }
        <span
          class="save"
          [class]="'save ' + s.state()"
          aria-live="polite"
          data-testid="save-state"
        >
          {{ i18n.t(saveKey()) }}
        </span>
        <span class="count">{{
          i18n.t('player.answered', { answered: s.answered(), total: s.attempt.items.length })
        }}</span>
      </div>
      @if (s.warning() && !s.result()) {
        <p class="warning" role="alert">
          {{ i18n.t('player.warning', { minutes: s.warning()! / 60 }) }}
        </p>
      }
      @if (s.errorMessage() && !s.result()) {
        <p class="q-error" role="alert">{{ s.errorMessage() }}</p>
      }

      @if (s.result(); as r) {
        <section class="q-card result" aria-live="polite">
          <h1>
            {{
              i18n.t(
                r.passed === null
                  ? 'player.awaitingGrading'
                  : r.passed
                    ? 'player.passed'
                    : 'player.failed'
              )
            }}
          </h1>
          @if (r.percent !== null) {
            <p class="score">
              {{
                i18n.t('player.score', { percent: r.percent, score: r.score ?? 0, max: r.maxScore })
              }}
            </p>
          }
          <a [routerLink]="['/courses', slug()]">{{ i18n.t('lesson.backToCourse') }}</a>
        </section>
        @if (review(); as rv) {
          <h2>{{ i18n.t('player.review') }}</h2>
          <ol class="review">
            @for (ri of rv.items; track ri.id; let i = $index) {
              <li class="q-card">
                <p class="prompt">{{ promptOf(ri.id) }}</p>
                <p>
                  {{ i18n.t('player.itemScore', { score: ri.score ?? '—', max: ri.maxScore }) }}
                  @if (ri.correct !== undefined) {
                    · {{ i18n.t(ri.correct ? 'player.right' : 'player.wrong') }}
                  }
                </p>
                @if (ri.feedback) {
                  <p class="feedback">{{ ri.feedback }}</p>
                }
                @if (ri.comment) {
                  <p class="feedback">{{ ri.comment }}</p>
                }
              </li>
            }
          </ol>
        }
      } @else {
        @if (s.attempt.layout === 'one_per_page') {
          <nav class="pages" [attr.aria-label]="i18n.t('player.items')">
            @for (it of s.attempt.items; track it.id; let i = $index) {
              <button
                type="button"
                class="page"
                [class.current]="i === index()"
                [class.answered]="answeredItem(it.id)"
                [attr.aria-current]="i === index() ? 'step' : null"
                [attr.aria-label]="i18n.t('player.itemN', { n: i + 1 })"
                (click)="index.set(i)"
              >
                {{ i + 1 }}
              </button>
            }
          </nav>
          @if (current(); as it) {
            <ng-container
              *ngTemplateOutlet="itemCard; context: { $implicit: it, n: index() + 1 }"
            />
            <div class="pager">
              <button
                type="button"
                class="secondary"
                [disabled]="index() === 0"
                (click)="index.set(index() - 1)"
              >
                ← {{ i18n.t('player.previous') }}
              </button>
              @if (index() < s.attempt.items.length - 1) {
                <button type="button" (click)="index.set(index() + 1)">
                  {{ i18n.t('player.next') }} →
                </button>
              }
            </div>
          }
        } @else {
          @for (it of s.attempt.items; track it.id; let i = $index) {
            <ng-container *ngTemplateOutlet="itemCard; context: { $implicit: it, n: i + 1 }" />
          }
        }
        <section class="submit">
          @if (confirming()) {
            <p role="alert">
              {{
                unanswered()
                  ? i18n.t('player.confirmUnanswered', { count: unanswered() })
                  : i18n.t('player.confirm')
              }}
            </p>
            <button type="button" [disabled]="submitting()" (click)="submit()">
              {{ i18n.t('player.submitNow') }}
            </button>
            <button type="button" class="secondary" (click)="confirming.set(false)">
              {{ i18n.t('player.keepWorking') }}
            </button>
          } @else {
            <button
              type="button"
              [disabled]="s.state() === 'closed'"
              (click)="confirming.set(true)"
            >
              {{ i18n.t('player.submit') }}
            </button>
          }
          @if (submitBlocked()) {
            <p class="q-error" role="alert">{{ i18n.t('player.offlineSubmit') }}</p>
          }
        </section>
      }
    } @else {
      <p>{{ i18n.t('catalog.loading') }}</p>
    }

    <ng-template #itemCard let-it let-n="n">
      @if (store(); as s) {
        <section class="q-card item">
          <p class="n">{{ i18n.t('player.itemOf', { n: n, total: s.attempt.items.length }) }}</p>
          <q-item-input
            [item]="it"
            [response]="s.responses()[it.id]"
            [disabled]="s.state() === 'closed'"
            (changed)="answer(it, $event)"
          />
        </section>
      }
    </ng-template>
  `,
  styles: `
    .bar {
      position: sticky;
      top: 0;
      z-index: 2;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.25rem;
      align-items: center;
      background: var(--q-surface);
      border: 1px solid var(--q-border);
      border-radius: var(--q-radius);
      padding: 0.5rem 0.75rem;
      margin-bottom: 1rem;
    }
    .timer {
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .timer.urgent {
      color: var(--q-error);
    }
    .save.saved {
      color: var(--q-ok);
    }
    .save.saving {
      color: var(--q-muted);
    }
    .save.offline,
    .save.error,
    .save.closed {
      color: var(--q-warn);
      font-weight: 600;
    }
    .count {
      color: var(--q-muted);
      margin-left: auto;
    }
    .warning {
      background: #fff4d6;
      border: 1px solid #e5c46b;
      padding: 0.5rem 0.75rem;
      border-radius: var(--q-radius);
    }
    .pages {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
      margin-bottom: 1rem;
    }
    .page {
      background: var(--q-surface);
      color: var(--q-text);
      border-color: var(--q-border);
      min-width: 2.5rem;
      padding: 0.3rem 0.5rem;
    }
    .page.answered {
      background: #e3eef6;
      border-color: var(--q-primary);
    }
    .page.current {
      outline: 3px solid var(--q-primary);
    }
    .item {
      margin-bottom: 1rem;
    }
    .n {
      color: var(--q-muted);
      margin-top: 0;
    }
    .pager,
    .submit {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: center;
      margin: 1rem 0;
    }
    .pager :last-child {
      margin-left: auto;
    }
    .review {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .prompt {
      font-weight: 600;
      white-space: pre-line;
    }
    .feedback {
      background: var(--q-bg);
      padding: 0.5rem;
      border-radius: var(--q-radius);
    }
  `,
})
export class PlayerPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ApiClient);
  private readonly window = inject(DOCUMENT).defaultView;
  readonly slug = input.required<string>();
  readonly assessmentId = input.required<string>();
  protected readonly store = signal<PlayerStore | null>(null);
  protected readonly review = signal<AttemptView['review'] | null>(null);
  protected readonly error = signal('');
  protected readonly index = signal(0);
  protected readonly confirming = signal(false);
  protected readonly submitting = signal(false);
  protected readonly submitBlocked = signal(false);
  protected readonly current = computed(() => this.store()?.attempt.items[this.index()] ?? null);
  protected readonly unanswered = computed(() => {
    const s = this.store();
    return s ? s.attempt.items.length - s.answered() : 0;
  });
  protected readonly saveKey = computed(
    () => `player.save.${this.store()?.state() ?? 'saved'}` as const,
  );

  constructor() {
    effect(() => void this.start(this.assessmentId()));
    const timer = setInterval(() => {
      const s = this.store();
      if (!s) return;
      s.tick();
      if (s.state() === 'offline') void s.retry();
      // At the deadline the server closes the attempt; ask for the result it made.
      if (s.timeUp() && !s.result() && !this.submitting()) void this.submit();
    }, 1000);
    const online = () => void this.store()?.retry();
    this.window?.addEventListener('online', online);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(timer);
      this.window?.removeEventListener('online', online);
    });
  }

  private async start(assessmentId: string): Promise<void> {
    try {
      const attempt = await this.api.startAttempt(assessmentId);
      this.store.set(
        new PlayerStore(attempt, {
          save: (a, i, r) => this.api.saveResponse(a, i, r),
          submit: (a) => this.api.submitAttempt(a),
          now: () => Date.now(),
          storage: this.window?.localStorage ?? null,
        }),
      );
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    }
  }

  protected answer(item: AttemptItemView, response: ItemResponse): void {
    this.store()?.answer(item.id, response, TYPED.has(item.type) ? 800 : 0);
  }

  protected answeredItem(id: string): boolean {
    return isAnswered(this.store()?.responses()[id]);
  }

  protected promptOf(id: string): string {
    return this.store()?.attempt.items.find((i) => i.id === id)?.prompt ?? '';
  }

  protected async submit(): Promise<void> {
    const s = this.store();
    if (!s) return;
    this.submitting.set(true);
    this.submitBlocked.set(false);
    try {
      const result = await s.submit();
      if (!result && s.state() === 'offline') this.submitBlocked.set(true);
      // Submitted, or closed by the deadline (the server graded what it held): one read gives
      // the result and the review the test allows.
      if (result || s.state() === 'closed') {
        const view = await this.api.attempt(s.attempt.id);
        s.result.set(result ?? view);
        this.review.set(view.review ?? null);
      }
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    } finally {
      this.submitting.set(false);
      this.confirming.set(false);
    }
  }

  protected clock(ms: number): string {
    const total = Math.ceil(ms / 1000);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const sec = total % 60;
    const two = (n: number) => String(n).padStart(2, '0');
    return h ? `${h}:${two(m)}:${two(sec)}` : `${two(m)}:${two(sec)}`;
  }
}
