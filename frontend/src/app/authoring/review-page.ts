import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type {
  AssessmentKind,
  AuthoringCourse,
  Lang,
  LessonDocument,
  TranslatableText,
} from '@qadam/contracts';
import { injectText } from '../i18n/dictionary';
import { I18n } from '../i18n/i18n';
import { AuthoringApi, type CompetencyOption } from './authoring-api';
import { AUTHORING_TEXT } from './authoring.text';
import { LANG_ORDER, statusKey } from './course-document';

/** Drafts waiting for a reviewer (in review) or for publishing (approved). */
const WAITING = new Set(['in_review', 'approved']);

/**
 * The review queue: drafts submitted for review and approved ones not yet published. A reviewer
 * reads a draft as teachers will (lessons rendered by the server), then approves it or returns
 * it with a comment; an approved draft is published from here.
 */
@Component({
  selector: 'q-review-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1>{{ t('review.title') }}</h1>
    <p class="q-meta">{{ t('review.about') }}</p>
    @if (notice()) {
      <p class="q-ok" role="status">{{ notice() }}</p>
    }
    @if (error()) {
      <p class="q-error" role="alert">{{ error() }}</p>
    }

    <div class="q-scroll">
      <table class="q-table queue">
        <thead>
          <tr>
            <th scope="col">{{ t('col.course') }}</th>
            <th scope="col">{{ t('col.level') }}</th>
            <th scope="col">{{ t('col.draft') }}</th>
            <th scope="col">{{ t('version.submitted') }}</th>
            <th scope="col">
              <span class="q-visually-hidden">{{ t('col.actions') }}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          @for (c of queue(); track c.id) {
            <tr [attr.data-slug]="c.slug" [class.current]="opened()?.slug === c.slug">
              <td>
                {{ titleOf(c) }}<br /><small class="q-meta">{{ c.slug }}</small>
              </td>
              <td>{{ i18n.level(c.level) }}</td>
              <td>
                <span class="status" [attr.data-status]="c.draft!.status">{{
                  t(statusKey(c.draft!))
                }}</span>
                <small class="q-meta"> · {{ t('versionN', { n: c.draft!.number }) }}</small>
              </td>
              <td>{{ c.draft!.submittedAt ? i18n.date(c.draft!.submittedAt) : '—' }}</td>
              <td>
                <button type="button" class="secondary" (click)="open(c.slug)">
                  {{ t('review.open') }}<span class="q-visually-hidden">: {{ c.slug }}</span>
                </button>
              </td>
            </tr>
          } @empty {
            @if (!loading()) {
              <tr>
                <td colspan="5">{{ t('review.empty') }}</td>
              </tr>
            }
          }
        </tbody>
      </table>
    </div>

    @if (opened(); as c) {
      @if (c.document; as d) {
        <section class="q-card review" [attr.data-slug]="c.slug" aria-labelledby="review-h">
          <h2 id="review-h">{{ i18n.pick(d.title) || c.slug }}</h2>
          <p class="q-meta">
            {{ c.slug }} · {{ i18n.level(d.level) }} · {{ i18n.kind(d.kind) }} ·
            {{ t('hoursN', { n: d.hours }) }} · {{ t('versionN', { n: c.draft?.number ?? 0 }) }}
            @if (c.draft; as v) {
              ·
              <strong class="status" [attr.data-status]="v.status">{{ t(statusKey(v)) }}</strong>
            }
          </p>
          <p>
            <a [routerLink]="['/staff/authoring', c.slug]">{{ t('review.inEditor') }}</a>
          </p>
          @if (c.draft?.reviewComment; as comment) {
            <p class="q-meta previous">{{ t('review.previousComment') }}: «{{ comment }}»</p>
          }

          <div class="langs" role="group" [attr.aria-label]="t('review.readIn')">
            <span aria-hidden="true">{{ t('review.readIn') }}:</span>
            @for (l of langsOf(d.languages); track l) {
              <button
                type="button"
                class="secondary"
                [attr.aria-pressed]="lang() === l"
                [attr.data-lang]="l"
                (click)="chooseLang(l)"
              >
                {{ langName(l) }}
              </button>
            }
          </div>

          <dl class="facts">
            <dt>{{ t('field.title') }}</dt>
            <dd>{{ textIn(d.title) }}</dd>
            <dt>{{ t('field.description') }}</dt>
            <dd class="pre">{{ textIn(d.description) }}</dd>
            <dt>{{ t('field.audience') }}</dt>
            <dd class="pre">{{ textIn(d.audience) }}</dd>
            <dt>{{ t('field.languages') }}</dt>
            <dd>{{ languageList(d.languages) }}</dd>
            <dt>{{ t('field.courseCompetencies') }}</dt>
            <dd>
              <ul class="chips">
                @for (code of d.competencies; track code) {
                  <li [attr.data-code]="code">
                    <span class="code">{{ code }}</span> {{ names().get(code) }}
                  </li>
                } @empty {
                  <li class="q-meta">{{ t('picker.none') }}</li>
                }
              </ul>
            </dd>
          </dl>

          <h3>{{ t('modules') }}</h3>
          @for (m of d.modules; track m.key; let mi = $index) {
            <section class="module" [attr.data-module]="m.key">
              <h4>{{ t('module.n', { n: mi + 1 }) }}: {{ textIn(m.title) }}</h4>
              <ol class="lessons">
                @for (l of m.lessons; track l.key) {
                  <li class="lesson" [attr.data-lesson]="l.key">
                    <details (toggle)="lessonToggled(l, $event)">
                      <summary>
                        <strong>{{ textIn(l.title) }}</strong>
                        <span class="q-meta">
                          · {{ t('minutesN', { n: l.minutes }) }}
                          @if (!l.required) {
                            · {{ t('lesson.optional') }}
                          }
                        </span>
                      </summary>
                      <div class="lesson-body">
                        <ul class="chips">
                          @for (code of l.competencies; track code) {
                            <li [attr.data-code]="code">
                              <span class="code">{{ code }}</span> {{ names().get(code) }}
                            </li>
                          } @empty {
                            <li class="q-warn">{{ t('lesson.untagged') }}</li>
                          }
                        </ul>
                        <div class="q-lesson-body" [innerHTML]="previewOf(l.key)"></div>
                        @if (l.sources.length) {
                          <p class="q-meta">{{ t('lesson.sources') }}:</p>
                          <ul>
                            @for (s of l.sources; track $index) {
                              <li>
                                @if (s.url) {
                                  <a [href]="s.url" target="_blank" rel="noopener">{{ s.title }}</a>
                                } @else {
                                  {{ s.title }}
                                }
                              </li>
                            }
                          </ul>
                        } @else {
                          <p class="q-warn">{{ t('lesson.noSources') }}</p>
                        }
                      </div>
                    </details>
                  </li>
                }
              </ol>
            </section>
          }

          <h3>{{ t('assessments') }}</h3>
          <ul class="q-list">
            @for (a of d.assessments; track a.key) {
              <li [attr.data-assessment]="a.key">
                <strong>{{ textIn(a.title) }}</strong> · {{ assessmentKind(a.kind) }}
                <p class="q-meta">
                  {{ t('assessment.passMark') }}: {{ a.passMark }} ·
                  {{ t('assessment.timeLimit') }}: {{ a.timeLimitMinutes ?? '—' }} ·
                  {{ t('assessment.attempts') }}: {{ a.attemptsAllowed ?? '—' }}
                </p>
              </li>
            } @empty {
              <li class="q-meta">{{ t('assessments.none') }}</li>
            }
          </ul>

          @if (c.draft?.status === 'in_review') {
            <div class="decide">
              <h3>{{ t('review.decision') }}</h3>
              <button type="button" name="approve" [disabled]="busy()" (click)="approve()">
                {{ t('review.approve') }}
              </button>
              <label class="q-field">
                <span>{{ t('review.comment') }}</span>
                <textarea
                  name="review-comment"
                  rows="4"
                  [value]="comment()"
                  [attr.aria-invalid]="!!commentError()"
                  (input)="comment.set($any($event.target).value); commentError.set('')"
                ></textarea>
                @if (commentError()) {
                  <span class="q-error" role="alert">{{ commentError() }}</span>
                }
              </label>
              <button
                type="button"
                class="secondary"
                name="return"
                [disabled]="busy()"
                (click)="returnDraft()"
              >
                {{ t('review.return') }}
              </button>
            </div>
          } @else if (c.draft?.status === 'approved') {
            <div class="decide">
              <h3>{{ t('review.publishTitle') }}</h3>
              <p class="q-meta">{{ t('review.publishAbout') }}</p>
              <button type="button" name="publish" [disabled]="busy()" (click)="publish()">
                {{ t('review.publish') }}
              </button>
            </div>
          }
        </section>
      }
    }
  `,
  styleUrl: './authoring.css',
})
export class ReviewQueuePage {
  protected readonly t = injectText(AUTHORING_TEXT);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AuthoringApi);

  protected readonly statusKey = statusKey;
  protected readonly queue = signal<AuthoringCourse[]>([]);
  protected readonly loading = signal(true);
  protected readonly opened = signal<AuthoringCourse | null>(null);
  protected readonly comment = signal('');
  protected readonly commentError = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly notice = signal('');
  protected readonly lang = signal<Lang>('kk');
  private readonly previews = signal<Record<string, string>>({});
  /** Lessons the reviewer has unfolded, re-rendered when the reading language changes. */
  private readonly open$ = new Map<string, LessonDocument>();
  private readonly options = signal<CompetencyOption[]>([]);
  protected readonly names = computed(
    () => new Map(this.options().map((o) => [o.code, this.i18n.pick(o.name)])),
  );

  constructor() {
    void this.load();
    this.api.competencyOptions().then(
      (o) => this.options.set(o),
      () => undefined,
    );
  }

  private async load(): Promise<void> {
    try {
      const all = await this.api.courses();
      this.queue.set(all.filter((c) => c.draft && WAITING.has(c.draft.status)));
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    } finally {
      this.loading.set(false);
    }
  }

  protected titleOf(c: AuthoringCourse): string {
    return this.i18n.pick(c.title) || c.slug;
  }

  protected langName(l: Lang): string {
    return this.t(`lang.${l}`);
  }

  protected langsOf(languages: Lang[]): Lang[] {
    return LANG_ORDER.filter((l) => languages.includes(l));
  }

  protected languageList(languages: Lang[]): string {
    return this.langsOf(languages)
      .map((l) => this.langName(l))
      .join(', ');
  }

  protected assessmentKind(k: AssessmentKind): string {
    return this.t(`assessment.${k}`);
  }

  protected textIn(text: TranslatableText): string {
    return text[this.lang()] || '—';
  }

  protected async open(slug: string): Promise<void> {
    this.error.set('');
    this.notice.set('');
    this.comment.set('');
    this.commentError.set('');
    this.previews.set({});
    const same = this.opened()?.slug === slug;
    if (!same) this.open$.clear();
    try {
      const c = await this.api.course(slug);
      const ui = this.i18n.lang();
      const langs = c.document?.languages ?? [];
      if (!same) this.lang.set(langs.includes(ui) ? ui : (langs[0] ?? ui));
      this.opened.set(c);
      // Reopened after a decision: the lessons still unfolded are drawn again from the new copy.
      const lessons = c.document?.modules.flatMap((m) => m.lessons) ?? [];
      for (const key of [...this.open$.keys()]) {
        const lesson = lessons.find((l) => l.key === key);
        if (lesson) {
          this.open$.set(key, lesson);
          void this.render(lesson);
        } else this.open$.delete(key);
      }
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    }
  }

  protected chooseLang(l: Lang): void {
    this.lang.set(l);
    // Re-render the open lessons in the chosen language.
    this.previews.set({});
    this.open$.forEach((lesson) => void this.render(lesson));
  }

  protected lessonToggled(lesson: LessonDocument, event: Event): void {
    if ((event.target as HTMLDetailsElement).open) {
      this.open$.set(lesson.key, lesson);
      void this.render(lesson);
    } else this.open$.delete(lesson.key);
  }

  protected previewOf(key: string): string {
    return this.previews()[`${key}:${this.lang()}`] ?? '';
  }

  private async render(lesson: LessonDocument): Promise<void> {
    const lang = this.lang();
    const id = `${lesson.key}:${lang}`;
    if (id in this.previews()) return;
    const markdown = lesson.body[lang] ?? '';
    let html = '';
    try {
      html = markdown.trim() ? await this.api.preview(markdown) : '';
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    }
    this.previews.update((p) => ({ ...p, [id]: html }));
  }

  protected async approve(): Promise<void> {
    await this.decide(async (slug) => {
      await this.api.review(slug, 'approve');
      return this.t('review.approved');
    });
  }

  protected async returnDraft(): Promise<void> {
    const comment = this.comment().trim();
    if (!comment) {
      this.commentError.set(this.t('review.commentRequired'));
      return;
    }
    await this.decide(async (slug) => {
      await this.api.review(slug, 'return', comment);
      return this.t('review.returned');
    });
  }

  protected async publish(): Promise<void> {
    await this.decide(async (slug) => {
      await this.api.publish(slug);
      return this.t('review.published');
    });
  }

  /** Runs a decision; on success the queue is read again and the draft reopened as it now is. */
  private async decide(action: (slug: string) => Promise<string>): Promise<void> {
    const c = this.opened();
    if (!c || this.busy()) return;
    this.busy.set(true);
    this.error.set('');
    this.notice.set('');
    try {
      const message = await action(c.slug);
      this.comment.set('');
      await this.load();
      // Still waiting (approved, to be published): keep it open; otherwise it left the queue.
      if (this.queue().some((q) => q.slug === c.slug)) await this.open(c.slug);
      else this.opened.set(null);
      this.notice.set(message);
    } catch (e) {
      // SELF_REVIEW, NOT_IN_REVIEW…: the API's message is already in the reader's language.
      this.error.set(this.i18n.errorText(e));
    } finally {
      this.busy.set(false);
    }
  }
}
