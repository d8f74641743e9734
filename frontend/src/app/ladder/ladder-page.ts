import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { LadderRung, MyLadder, RungStatus } from '@qadam/contracts';
import { ApiClient } from '../core/api-client';
import { percent } from '../core/format';
import { I18n } from '../i18n/i18n';

/**
 * The ladder: the three rungs, where the teacher stands, and for the next closed rung what
 * unlocks it. The API computes the gates; this page only shows them.
 */
@Component({
  selector: 'q-ladder-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1>{{ i18n.t('ladder.title') }}</h1>
    @if (error()) {
      <p class="q-error" role="alert">{{ error() }}</p>
      <button type="button" (click)="load()">{{ i18n.t('error.retry') }}</button>
    } @else if (ladder(); as l) {
      <p class="standing">{{ standing() }}</p>
      <ol class="rungs">
        @for (r of l.rungs; track r.level; let i = $index) {
          <li class="q-card rung" [class]="'q-card rung ' + r.status" [attr.data-level]="r.level">
            <div class="head">
              <span class="step" aria-hidden="true">{{ i + 1 }}</span>
              <h2>{{ i18n.level(r.level) }}</h2>
              <span class="status">{{ i18n.t(statusKey(r.status)) }}</span>
            </div>
            @if (r.certificate; as c) {
              <p>
                {{
                  i18n.t('ladder.certificate', { number: c.number, date: i18n.date(c.issuedAt) })
                }}
                — {{ c.courseTitle }}
              </p>
            }
            @for (e of r.enrollments; track e.id) {
              <div class="enrolment">
                <span>{{ e.courseTitle }}</span>
                <progress
                  max="100"
                  [value]="percent(e.progress)"
                  [attr.aria-label]="e.courseTitle"
                ></progress>
                <span>{{ i18n.t('ladder.progress', { percent: percent(e.progress) }) }}</span>
              </div>
            }
            @if (r.missing.length) {
              <p class="missing-title">{{ i18n.t('ladder.missing') }}</p>
              <ul class="missing">
                @for (m of r.missing; track m) {
                  <li>{{ m }}</li>
                }
              </ul>
            }
            @if (r.status === 'open') {
              <a class="q-button" routerLink="/courses" [queryParams]="{ level: r.level }">
                {{ i18n.t('ladder.choose') }}
              </a>
            }
          </li>
        }
      </ol>
    } @else {
      <p>{{ i18n.t('catalog.loading') }}</p>
    }
  `,
  styles: `
    .rungs {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 1rem;
    }
    .head {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      flex-wrap: wrap;
    }
    h2 {
      margin: 0;
      font-size: 1.2rem;
      flex: 1;
    }
    .step {
      display: grid;
      place-items: center;
      width: 2rem;
      height: 2rem;
      border-radius: 50%;
      background: var(--q-border);
      font-weight: 700;
    }
    .held .step {
      background: var(--q-ok);
      color: #fff;
    }
    .in_progress .step,
    .open .step {
      background: var(--q-primary);
      color: #fff;
    }
    .status {
      font-weight: 600;
    }
    .held .status {
      color: var(--q-ok);
    }
    .locked .status {
      color: var(--q-muted);
    }
    .enrolment {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      margin: 0.5rem 0;
    }
    progress {
      flex: 1 1 8rem;
    }
    .missing-title {
      margin-bottom: 0.25rem;
      font-weight: 600;
    }
    .missing {
      margin-top: 0;
    }
  `,
})
export class LadderPage {
  protected readonly i18n = inject(I18n);
  protected readonly percent = percent;
  private readonly api = inject(ApiClient);
  protected readonly ladder = signal<MyLadder | null>(null);
  protected readonly error = signal('');
  /** "Where I stand": the rung held, or the first rung, and what the next one needs. */
  protected readonly standing = computed(() => {
    const l = this.ladder();
    if (!l) return '';
    const next = l.rungs.find((r) => r.status !== 'held');
    const where = l.current
      ? this.i18n.t('ladder.standingHeld', { level: this.i18n.level(l.current) })
      : this.i18n.t('ladder.standingNone');
    if (!next) return `${where} ${this.i18n.t('ladder.allHeld')}`;
    const nextText = this.i18n.t(this.nextKey(next), {
      level: this.i18n.level(next.level),
    });
    return `${where} ${nextText}`;
  });

  constructor() {
    // The texts the API sends (missing, titles) are in the language asked: ask again on a switch.
    effect(() => {
      this.i18n.lang();
      void this.load();
    });
  }

  protected async load(): Promise<void> {
    this.error.set('');
    try {
      this.ladder.set(await this.api.ladder());
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    }
  }

  protected statusKey(s: RungStatus) {
    return `ladder.status.${s}` as const;
  }

  private nextKey(r: LadderRung) {
    return r.status === 'in_progress'
      ? ('ladder.nextInProgress' as const)
      : r.status === 'open'
        ? ('ladder.nextOpen' as const)
        : ('ladder.nextLocked' as const);
  }
}
