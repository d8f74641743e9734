import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type {
  AssessmentDocument,
  AssessmentKind,
  AuthoringCourse,
  CourseDocument,
  CourseKind,
  FieldProblem,
  Lang,
  LessonDocument,
  TranslatableText,
} from '@qadam/contracts';
import { ApiError } from '../core/api-client';
import { injectText } from '../i18n/dictionary';
import { I18n } from '../i18n/i18n';
import { AuthoringApi, type CompetencyOption } from './authoring-api';
import { AUTHORING_TEXT, lessonTitles, moduleTitles } from './authoring.text';
import { CompetencyPicker } from './competency-picker';
import {
  LANG_ORDER,
  canMoveLesson,
  canonical,
  move,
  moveLesson,
  newLesson,
  newModule,
  problemsAt,
  statusKey,
  withText,
} from './course-document';

/** What is kept on this device while a draft has unsaved changes. */
export interface StoredDraft {
  document: CourseDocument;
  savedAt: string;
}

export const storageKey = (slug: string) => `qadam.authoring.draft.${slug}`;

/** How long typing must pause before the lesson preview is asked for. */
export const PREVIEW_DELAY_MS = 400;

const KINDS: CourseKind[] = ['mooc', 'cohort', 'profile'];

/**
 * The course editor: the open draft's whole document (course fields, modules, lessons with their
 * Markdown and a preview as teachers see it, competency tags, assessment settings), saved as one
 * PUT. Unsaved work is kept on this device until it is saved, so a reload or a closed tab loses
 * nothing. A draft in review or approved is shown read-only: the API refuses changes to it.
 */
@Component({
  selector: 'q-course-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, CompetencyPicker],
  host: { '(window:beforeunload)': 'onBeforeUnload($event)' },
  templateUrl: './course-editor-page.html',
  styleUrl: './authoring.css',
})
export class CourseEditorPage {
  protected readonly t = injectText(AUTHORING_TEXT);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AuthoringApi);
  private readonly router = inject(Router);
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage;

  protected readonly langs = LANG_ORDER;
  protected readonly statusKey = statusKey;
  protected readonly kinds = KINDS;
  protected readonly slug = signal('');
  protected readonly course = signal<AuthoringCourse | null>(null);
  protected readonly doc = signal<CourseDocument | null>(null);
  /** The document as the server has it, canonical JSON: what "unsaved" is measured against. */
  private readonly savedJson = signal('');
  protected readonly loading = signal(true);
  protected readonly loadError = signal('');
  protected readonly saving = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly problems = signal<FieldProblem[]>([]);
  protected readonly notice = signal('');
  protected readonly recovery = signal<StoredDraft | null>(null);
  protected readonly options = signal<CompetencyOption[]>([]);
  /** The language whose texts the fields show. */
  protected readonly lang = signal<Lang>('kk');
  protected readonly openLessons = signal<ReadonlySet<string>>(new Set());
  protected readonly previews = signal<Record<string, string>>({});
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly latest = new Map<string, number>();
  private requests = 0;

  protected readonly locked = computed(() => {
    const s = this.course()?.draft?.status;
    return !!s && s !== 'draft';
  });
  /** Nothing may be typed while a stored copy awaits the author's decision, or it would be lost. */
  protected readonly readOnly = computed(() => this.locked() || !!this.recovery());
  protected readonly dirty = computed(() => {
    const d = this.doc();
    return !!d && canonical(d) !== this.savedJson();
  });
  protected readonly saveState = computed(() =>
    this.saving() ? 'saving' : this.error() ? 'error' : this.dirty() ? 'unsaved' : 'saved',
  );
  protected readonly returned = computed(() => {
    const d = this.course()?.draft;
    return d && statusKey(d) === 'status.returned' ? d : null;
  });
  protected readonly optionNames = computed(
    () => new Map(this.options().map((o) => [o.code, this.i18n.pick(o.name)])),
  );

  constructor() {
    // Unsaved work goes to this device as it is typed; saved work leaves it.
    effect(() => {
      const d = this.doc();
      const dirty = this.dirty();
      if (!d || this.recovery() || this.locked()) return;
      this.store(dirty ? d : null);
    });
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((p) => void this.load(p.get('slug') ?? ''));
    inject(DestroyRef).onDestroy(() => this.timers.forEach((t) => clearTimeout(t)));
    // Without the frameworks the tags still show as codes: no need to fail the page.
    this.api.competencyOptions().then(
      (o) => this.options.set(o),
      () => undefined,
    );
  }

  /** For the route's canDeactivate: leaving with unsaved changes asks first. */
  canLeave(): boolean {
    return !this.dirty() || confirm(this.t('leave.confirm'));
  }

  protected onBeforeUnload(e: BeforeUnloadEvent): void {
    const d = this.doc();
    if (!d || !this.dirty()) return;
    if (!this.readOnly()) this.store(d);
    e.preventDefault();
    e.returnValue = '';
  }

  private async load(slug: string): Promise<void> {
    this.slug.set(slug);
    this.loading.set(true);
    this.loadError.set('');
    this.error.set('');
    this.problems.set([]);
    this.doc.set(null);
    this.recovery.set(null);
    try {
      const c = await this.api.course(slug);
      const d = c.document ?? null;
      this.course.set(c);
      this.savedJson.set(d ? canonical(d) : '');
      this.doc.set(d);
      if (d) {
        const ui = this.i18n.lang();
        this.lang.set(d.languages.includes(ui) ? ui : (d.languages[0] ?? 'kk'));
        const stored = this.readStored(slug);
        if (stored && !this.locked() && canonical(stored.document) !== canonical(d))
          this.recovery.set(stored);
      }
    } catch (e) {
      this.loadError.set(this.i18n.errorText(e));
    } finally {
      this.loading.set(false);
    }
  }

  protected restore(): void {
    const r = this.recovery();
    if (!r) return;
    this.doc.set(r.document);
    this.recovery.set(null);
  }

  protected dropRecovery(): void {
    this.store(null);
    this.recovery.set(null);
  }

  // ── Saving and the workflow ──────────────────────────────────────────────────────────────

  protected async save(event?: Event): Promise<boolean> {
    event?.preventDefault();
    const d = this.doc();
    if (!d || this.readOnly() || this.saving()) return false;
    const sent = canonical(d);
    this.saving.set(true);
    this.error.set('');
    this.notice.set('');
    this.problems.set([]);
    try {
      this.apply(await this.api.save(this.slug(), d), sent);
      return true;
    } catch (e) {
      await this.fail(e);
      return false;
    } finally {
      this.saving.set(false);
    }
  }

  protected async submit(): Promise<void> {
    if (this.readOnly() || this.busy()) return;
    if (this.dirty() && !(await this.save())) return;
    await this.run(async () => {
      this.apply(await this.api.submit(this.slug()));
      this.notice.set(this.t('submitted'));
    });
  }

  protected async discard(): Promise<void> {
    if (this.readOnly() || this.busy() || !confirm(this.t('discard.confirm'))) return;
    await this.run(async () => {
      await this.api.discard(this.slug());
      this.store(null);
      this.doc.set(null);
      await this.router.navigate(['/staff/authoring']);
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    this.notice.set('');
    try {
      await action();
    } catch (e) {
      await this.fail(e);
    } finally {
      this.busy.set(false);
    }
  }

  /** Takes the server's answer; the server's document replaces ours only if we typed nothing since. */
  private apply(c: AuthoringCourse, sent?: string): void {
    this.course.set(c);
    if (!c.document) return;
    const mine = this.doc();
    this.savedJson.set(canonical(c.document));
    if (!mine || sent === undefined || canonical(mine) === sent) this.doc.set(c.document);
  }

  private async fail(e: unknown): Promise<void> {
    this.error.set(this.i18n.errorText(e));
    const details = (e instanceof ApiError ? (e.body?.details ?? []) : []) as FieldProblem[];
    this.problems.set(details);
    // Open the lessons the problems are in, so the messages beside their fields are seen.
    const d = this.doc();
    const open = new Set(this.openLessons());
    for (const p of details) {
      const m = /^modules\[(\d+)\]\.lessons\[(\d+)\]/.exec(p.field);
      const key = m && d?.modules[+m[1]]?.lessons[+m[2]]?.key;
      if (key) open.add(key);
    }
    this.openLessons.set(open);
    // Someone submitted the draft meanwhile: show its status; our copy stays on this device.
    if (e instanceof ApiError && (e.code === 'DRAFT_LOCKED' || e.code === 'NO_DRAFT')) {
      try {
        this.course.set(await this.api.course(this.slug()));
      } catch {
        // The message already shown is the one that matters.
      }
    }
  }

  // ── Editing ───────────────────────────────────────────────────────────────────────────────

  /** Applies `change` to a copy of the document (signals need a new value to notice). */
  private edit(change: (d: CourseDocument) => void, structural = false): void {
    const d = this.doc();
    if (!d || this.readOnly()) return;
    const next = JSON.parse(JSON.stringify(d)) as CourseDocument;
    change(next);
    this.doc.set(next);
    // Problems are located by position; after a move they would point at the wrong item.
    if (structural) this.problems.set([]);
  }

  protected langName(l: Lang): string {
    return this.t(`lang.${l}`);
  }

  protected stateText(): string {
    return this.t(`state.${this.saveState()}`);
  }

  protected assessmentKind(k: AssessmentKind): string {
    return this.t(`assessment.${k}`);
  }

  protected errs(path: string): string[] {
    return problemsAt(this.problems(), path);
  }

  protected text(t: TranslatableText): string {
    return t[this.lang()] ?? '';
  }

  protected setCourseText(field: 'title' | 'description' | 'audience', value: string): void {
    this.edit((d) => (d[field] = withText(d[field], this.lang(), value)));
  }

  protected setKind(kind: CourseKind): void {
    this.edit((d) => (d.kind = kind));
  }

  protected setHours(value: string): void {
    this.edit((d) => (d.hours = value === '' ? 0 : Number(value)));
  }

  protected setLanguage(lang: Lang, on: boolean): void {
    this.edit((d) => {
      const set = new Set(d.languages);
      if (on) set.add(lang);
      else set.delete(lang);
      d.languages = LANG_ORDER.filter((l) => set.has(l));
    });
  }

  protected setCourseCompetencies(codes: string[]): void {
    this.edit((d) => (d.competencies = codes));
  }

  protected chooseLang(lang: Lang): void {
    this.lang.set(lang);
    for (const key of this.openLessons()) this.requestPreview(key, 0);
  }

  protected addModule(): void {
    let key = '';
    this.edit((d) => {
      const m = newModule(d, moduleTitles, lessonTitles);
      key = m.lessons[0].key;
      d.modules.push(m);
    }, true);
    if (key) this.openLesson(key);
  }

  protected setModuleTitle(mi: number, value: string): void {
    this.edit((d) => (d.modules[mi].title = withText(d.modules[mi].title, this.lang(), value)));
  }

  protected moveModule(mi: number, delta: -1 | 1): void {
    this.edit((d) => move(d.modules, mi, delta), true);
  }

  protected removeModule(mi: number): void {
    const m = this.doc()?.modules[mi];
    if (!m || !confirm(this.t('module.removeConfirm', { title: this.i18n.pick(m.title) }))) return;
    this.edit((d) => d.modules.splice(mi, 1), true);
  }

  protected addLesson(mi: number): void {
    let key = '';
    this.edit((d) => {
      const l = newLesson(d, lessonTitles, d.modules[mi].lessons.length + 1);
      key = l.key;
      d.modules[mi].lessons.push(l);
    }, true);
    if (key) this.openLesson(key);
  }

  protected canMoveLesson(mi: number, li: number, delta: -1 | 1): boolean {
    const d = this.doc();
    return !!d && canMoveLesson(d, mi, li, delta);
  }

  protected moveLesson(mi: number, li: number, delta: -1 | 1): void {
    this.edit((d) => moveLesson(d, mi, li, delta), true);
  }

  protected removeLesson(mi: number, li: number): void {
    const l = this.doc()?.modules[mi]?.lessons[li];
    if (!l || !confirm(this.t('lesson.removeConfirm', { title: this.i18n.pick(l.title) }))) return;
    this.edit((d) => d.modules[mi].lessons.splice(li, 1), true);
  }

  private lessonAt(d: CourseDocument, mi: number, li: number): LessonDocument {
    return d.modules[mi].lessons[li];
  }

  protected setLessonTitle(mi: number, li: number, value: string): void {
    this.edit((d) => {
      const l = this.lessonAt(d, mi, li);
      l.title = withText(l.title, this.lang(), value);
    });
  }

  protected setMinutes(mi: number, li: number, value: string): void {
    this.edit((d) => (this.lessonAt(d, mi, li).minutes = value === '' ? 0 : Number(value)));
  }

  protected setRequired(mi: number, li: number, on: boolean): void {
    this.edit((d) => (this.lessonAt(d, mi, li).required = on));
  }

  protected setLessonCompetencies(mi: number, li: number, codes: string[]): void {
    this.edit((d) => (this.lessonAt(d, mi, li).competencies = codes));
  }

  protected addSource(mi: number, li: number): void {
    this.edit((d) => this.lessonAt(d, mi, li).sources.push({ title: '' }));
  }

  protected setSource(mi: number, li: number, si: number, field: 'title' | 'url', value: string) {
    this.edit((d) => {
      const s = this.lessonAt(d, mi, li).sources[si];
      if (field === 'title') s.title = value;
      else if (value === '') delete s.url;
      else s.url = value;
    });
  }

  protected removeSource(mi: number, li: number, si: number): void {
    this.edit((d) => this.lessonAt(d, mi, li).sources.splice(si, 1), true);
  }

  protected setBody(mi: number, li: number, value: string): void {
    let key = '';
    this.edit((d) => {
      const l = this.lessonAt(d, mi, li);
      l.body = withText(l.body, this.lang(), value);
      key = l.key;
    });
    if (key) this.requestPreview(key, PREVIEW_DELAY_MS);
  }

  protected setAssessmentTitle(ai: number, value: string): void {
    this.edit((d) => {
      const a = d.assessments[ai];
      a.title = withText(a.title, this.lang(), value);
    });
  }

  protected setAssessmentNumber(
    ai: number,
    field: 'passMark' | 'timeLimitMinutes' | 'attemptsAllowed',
    value: string,
  ): void {
    this.edit((d) => {
      const a: AssessmentDocument = d.assessments[ai];
      if (field === 'passMark') a.passMark = value === '' ? 0 : Number(value);
      // An empty time limit or attempt count means "no limit".
      else a[field] = value === '' ? null : Number(value);
    });
  }

  protected moduleTitle(key: string | null): string {
    const m = key ? this.doc()?.modules.find((x) => x.key === key) : null;
    return m ? this.i18n.pick(m.title) || m.key : '';
  }

  // ── Lessons opened, and their previews ───────────────────────────────────────────────────

  private openLesson(key: string): void {
    this.openLessons.set(new Set([...this.openLessons(), key]));
    this.requestPreview(key, 0);
  }

  protected lessonToggled(key: string, event: Event): void {
    const open = (event.target as HTMLDetailsElement).open;
    if (open === this.openLessons().has(key)) return;
    const set = new Set(this.openLessons());
    if (open) set.add(key);
    else set.delete(key);
    this.openLessons.set(set);
    if (open) this.requestPreview(key, 0);
  }

  protected previewOf(key: string): string {
    return this.previews()[`${key}:${this.lang()}`] ?? '';
  }

  /** Asks the server to render a lesson's body; only the newest answer for it is shown. */
  private requestPreview(key: string, delay: number): void {
    const lang = this.lang();
    const id = `${key}:${lang}`;
    clearTimeout(this.timers.get(id));
    this.timers.set(
      id,
      setTimeout(async () => {
        this.timers.delete(id);
        const lesson = this.doc()
          ?.modules.flatMap((m) => m.lessons)
          .find((l) => l.key === key);
        const markdown = lesson?.body[lang] ?? '';
        const n = ++this.requests;
        this.latest.set(id, n);
        let html = '';
        try {
          html = markdown.trim() ? await this.api.preview(markdown) : '';
        } catch (e) {
          html = `<p>${escapeHtml(this.i18n.errorText(e))}</p>`;
        }
        if (this.latest.get(id) === n) this.previews.update((p) => ({ ...p, [id]: html }));
      }, delay),
    );
  }

  // ── This device's copy ───────────────────────────────────────────────────────────────────

  private readStored(slug: string): StoredDraft | null {
    try {
      const raw = this.storage?.getItem(storageKey(slug));
      const parsed = raw ? (JSON.parse(raw) as StoredDraft) : null;
      return parsed?.document?.modules ? parsed : null;
    } catch {
      return null;
    }
  }

  private store(d: CourseDocument | null): void {
    const key = storageKey(this.slug());
    try {
      if (d) {
        const stored: StoredDraft = { document: d, savedAt: new Date().toISOString() };
        this.storage?.setItem(key, JSON.stringify(stored));
      } else this.storage?.removeItem(key);
    } catch {
      // Full or private storage: the beforeunload warning still guards the work.
    }
  }
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );
}
