import type {
  CourseDocument,
  CourseKind,
  FieldProblem,
  LadderLevel,
  Lang,
  LessonDocument,
  ModuleDocument,
  TranslatableText,
  VersionStatus,
} from '@qadam/contracts';

/**
 * Pure operations on a course document, as the editor applies them to a copy. They keep the
 * document in the shape the API validates (course-package schema): no empty translations (an
 * empty string is refused, an absent one is not), lower-case-hyphen keys unique in the course,
 * at least one lesson per module.
 */

export const LANG_ORDER: readonly Lang[] = ['kk', 'ru', 'en'];

/** `text` with `lang` set to `value`; an empty value removes the language. */
export function withText(text: TranslatableText, lang: Lang, value: string): TranslatableText {
  const next = { ...text };
  if (value === '') delete next[lang];
  else next[lang] = value;
  return next;
}

/** `prefix-n` with the smallest n not taken. */
export function uniqueKey(prefix: string, taken: ReadonlySet<string>): string {
  let n = 1;
  while (taken.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

export function lessonKeys(doc: CourseDocument): Set<string> {
  return new Set(doc.modules.flatMap((m) => m.lessons.map((l) => l.key)));
}

/** Default titles per course language, e.g. "2-сабақ" / "Урок 2" / "Lesson 2". */
export type Titles = (n: number) => TranslatableText;

export function newLesson(doc: CourseDocument, title: Titles, n: number): LessonDocument {
  return {
    key: uniqueKey('lesson', lessonKeys(doc)),
    title: only(title(n), doc.languages),
    minutes: 10,
    required: true,
    competencies: [],
    sources: [],
    body: {},
  };
}

/** A module comes with its first lesson: the API refuses a module without lessons. */
export function newModule(
  doc: CourseDocument,
  moduleTitle: Titles,
  lessonTitle: Titles,
): ModuleDocument {
  const n = doc.modules.length + 1;
  return {
    key: uniqueKey('module', new Set(doc.modules.map((m) => m.key))),
    title: only(moduleTitle(n), doc.languages),
    lessons: [newLesson(doc, lessonTitle, 1)],
  };
}

/** Swaps `list[i]` with its neighbour `delta` away; false when there is none. */
export function move<T>(list: T[], i: number, delta: -1 | 1): boolean {
  const j = i + delta;
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return false;
  [list[i], list[j]] = [list[j], list[i]];
  return true;
}

/**
 * Moves a lesson one place; past the edge of its module it goes to the end (up) or start (down)
 * of the neighbouring module, unless that would leave its own module empty.
 */
export function moveLesson(doc: CourseDocument, mi: number, li: number, delta: -1 | 1): boolean {
  const lessons = doc.modules[mi]?.lessons;
  if (!lessons) return false;
  if (move(lessons, li, delta)) return true;
  const target = doc.modules[mi + delta];
  if (!target || lessons.length < 2) return false;
  const [lesson] = lessons.splice(li, 1);
  if (delta < 0) target.lessons.push(lesson);
  else target.lessons.unshift(lesson);
  return true;
}

export function canMoveLesson(doc: CourseDocument, mi: number, li: number, delta: -1 | 1) {
  const lessons = doc.modules[mi].lessons;
  const j = li + delta;
  if (j >= 0 && j < lessons.length) return true;
  return !!doc.modules[mi + delta] && lessons.length > 1;
}

/** The smallest document the API accepts for a new course: one module with one lesson. */
export function minimalDocument(
  f: {
    level: LadderLevel;
    kind: CourseKind;
    languages: Lang[];
    hours: number;
    title: TranslatableText;
  },
  moduleTitle: Titles,
  lessonTitle: Titles,
  body: (lang: Lang, title: string) => string,
): CourseDocument {
  const doc: CourseDocument = {
    level: f.level,
    kind: f.kind,
    languages: f.languages,
    hours: f.hours,
    title: clean(f.title),
    description: {},
    audience: {},
    competencies: [],
    modules: [],
    assessments: [],
  };
  const mod = newModule(doc, moduleTitle, lessonTitle);
  // Every course language needs a lesson body; a heading is the least an author replaces.
  for (const lang of f.languages) {
    mod.lessons[0].body[lang] = body(lang, mod.lessons[0].title[lang] ?? '');
  }
  doc.modules.push(mod);
  return doc;
}

/** The languages of `text` that are in `langs`, trimmed, empty ones dropped. */
function only(text: TranslatableText, langs: readonly Lang[]): TranslatableText {
  return clean(Object.fromEntries(langs.map((l) => [l, text[l] ?? ''])));
}

export function clean(text: TranslatableText): TranslatableText {
  const out: TranslatableText = {};
  for (const lang of LANG_ORDER) {
    const v = text[lang]?.trim();
    if (v) out[lang] = v;
  }
  return out;
}

/**
 * JSON with object keys sorted: the server keeps documents in jsonb, which reorders keys, so
 * "is this what was saved?" must not depend on key order.
 */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The API's problems at `path` or inside it (`modules[0].lessons[1]` covers its `.title.kk`). */
export function problemsAt(problems: readonly FieldProblem[], path: string): string[] {
  return problems
    .filter(
      (p) => p.field === path || p.field.startsWith(`${path}.`) || p.field.startsWith(`${path}[`),
    )
    .map((p) => p.problem);
}

/** The label key of a version's status; a draft with a reviewer's comment was returned. */
export function statusKey(v: {
  status: VersionStatus;
  reviewedAt: string | null;
  reviewComment: string | null;
}): `status.${VersionStatus | 'returned'}` {
  if (v.status === 'draft' && v.reviewedAt && v.reviewComment) return 'status.returned';
  return `status.${v.status}`;
}
