import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { LineCounter, isMap, isNode, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type {
  AssessmentDocument,
  AssessmentKind,
  AssessmentSection,
  CourseDocument,
  CourseKind,
  Lang,
  LadderLevel,
  LessonDocument,
  LessonSource,
  ModuleDocument,
  ReviewFrom,
  ReviewShows,
  TestLayout,
  TranslatableText,
} from '@qadam/contracts';
import type { BankDocument } from '../../assessments/item-store';
import type { ItemRule } from '../../assessments/items/item-schema';
import type { PlanProblem } from '../../assessments/section-plan';
import { isLang } from '../../common/i18n/lang';
import { checkSectionsAgainstBanks, loadBankFiles } from './bank-files';
import { COMPETENCY_CODE_PATTERN } from '../competency-codes';
import { findMarkdownProblems } from '../markdown';
import { COURSE_PACKAGE_SCHEMA, KEY_PATTERN, URL_PATTERN } from './course-package.schema';
import type { PackageProblem, PackageProblemRule } from './package-problems';

export const COURSE_FILE = 'course.yaml';
export const LESSONS_DIR = 'lessons';

export type LoadedCoursePackage =
  | {
      ok: true;
      slug: string;
      document: CourseDocument;
      hash: string;
      dir: string;
      /** `banks/*.yaml`, imported before the course so its sections can be checked. */
      banks: BankDocument[];
    }
  | { ok: false; slug: string | null; dir: string; problems: PackageProblem[] };

const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true });
const validateCourse = ajv.compile(COURSE_PACKAGE_SCHEMA);

/** course.yaml once it has passed the schema: optional fields may still be absent. */
export interface RawCourse {
  slug: string;
  level: LadderLevel;
  kind: CourseKind;
  languages: Lang[];
  hours: number;
  title: TranslatableText;
  description?: TranslatableText;
  audience?: TranslatableText;
  competencies?: string[];
  modules: {
    key: string;
    title: TranslatableText;
    lessons: {
      key: string;
      title: TranslatableText;
      minutes: number;
      required?: boolean;
      competencies?: string[];
      sources?: LessonSource[];
    }[];
  }[];
  assessments?: {
    key: string;
    kind: AssessmentKind;
    module?: string | null;
    title: TranslatableText;
    passMark: number;
    timeLimitMinutes?: number | null;
    attemptsAllowed?: number | null;
    required?: boolean;
    competencies?: string[];
    sections?: AssessmentSection[];
    availableFrom?: string | null;
    availableUntil?: string | null;
    shuffleItems?: boolean;
    shuffleOptions?: boolean;
    layout?: TestLayout;
    review?: { shows?: ReviewShows; from?: ReviewFrom };
  }[];
}

export type Path = (string | number)[];

/** Finds the line of a place in course.yaml, given as the path ajv and the checks use. */
export class YamlLines {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly counter: LineCounter,
  ) {}

  private lineOfOffset(offset: number | undefined): number | null {
    return offset === undefined ? null : this.counter.linePos(offset).line;
  }

  /**
   * The line of a mapping key when the path ends in one (that is where an author looks for a
   * field, even when its value starts on the next line), of the item when it ends in a list index,
   * and of the deepest node that exists when the path goes further than the YAML does.
   */
  lineOf(segments: Path): number {
    let node: unknown = this.doc.contents;
    let line = (isNode(node) && this.lineOfOffset(node.range?.[0])) || 1;
    for (const segment of segments) {
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => String(isScalar(p.key) ? p.key.value : p.key) === `${segment}`,
        );
        if (!pair) break;
        line = (isNode(pair.key) && this.lineOfOffset(pair.key.range?.[0])) || line;
        node = pair.value;
      } else if (isSeq(node)) {
        const item: unknown = node.items[Number(segment)];
        if (!isNode(item)) break;
        line = this.lineOfOffset(item.range?.[0]) ?? line;
        node = item;
      } else {
        break;
      }
    }
    return line;
  }
}

function pointerSegments(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export type Emit = (
  segments: Path,
  rule: PackageProblemRule | ItemRule | PlanProblem['rule'],
  params?: Record<string, string | number>,
) => void;

const PATTERN_RULES: Record<string, PackageProblemRule> = {
  [KEY_PATTERN]: 'schema.key-format',
  [COMPETENCY_CODE_PATTERN]: 'schema.competency-code',
  [URL_PATTERN]: 'schema.url',
};

/** One ajv error → one problem at the line an author should look at. */
export function reportSchemaError(e: ErrorObject, emit: Emit): void {
  const at = pointerSegments(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      // The field is absent, so the mapping that should hold it is the place to point at.
      return emit(at, 'schema.required', { property: String(p.missingProperty) });
    case 'additionalProperties':
      return emit([...at, String(p.additionalProperty)], 'schema.additionalProperties', {
        property: String(p.additionalProperty),
      });
    case 'type':
      return emit(at, 'schema.type', { type: ([] as unknown[]).concat(p.type).join(',') });
    case 'enum':
      return emit(at, 'schema.enum', {
        value: show(e.data),
        allowed: (p.allowedValues as unknown[]).map(show).join(', '),
      });
    case 'pattern': {
      const rule = PATTERN_RULES[String(p.pattern)] ?? 'schema.pattern';
      return emit(at, rule, { value: show(e.data), pattern: String(p.pattern) });
    }
    case 'minimum':
    case 'maximum':
      return emit(at, `schema.${e.keyword}`, { limit: Number(p.limit), value: show(e.data) });
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return emit(at, `schema.${e.keyword}`, { limit: Number(p.limit) });
    case 'uniqueItems': {
      // ajv names both copies; point at the later one, the repetition.
      const later = Math.max(Number(p.i), Number(p.j));
      const items = e.data as unknown[];
      return emit([...at, later], 'schema.uniqueItems', { value: show(items[later]) });
    }
    default:
      return emit(at, 'schema.invalid', { detail: e.message ?? e.keyword });
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Lesson bodies: one convention for line ends and no trailing blank lines, so hashes are stable. */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trimEnd();
}

/** Parses one YAML file of a package; syntax problems are pushed and null returned. */
export function parseYaml(
  source: string,
  file: string,
  problems: PackageProblem[],
): { raw: unknown; lines: YamlLines } | null {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  const before = problems.length;
  for (const error of doc.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    problems.push({
      file,
      line: counter.linePos(error.pos[0]).line,
      rule: duplicate ? 'yaml.duplicate-key' : 'yaml.syntax',
      params: duplicate ? {} : { detail: error.message },
    });
  }
  // Shapes and references of a document that did not parse would only add noise.
  if (problems.length > before) return null;
  try {
    return { raw: doc.toJS(), lines: new YamlLines(doc, counter) };
  } catch (e) {
    // e.g. an alias bomb: toJS refuses to expand it
    problems.push({ file, line: 1, rule: 'yaml.syntax', params: { detail: (e as Error).message } });
    return null;
  }
}

function compareProblems(a: PackageProblem, b: PackageProblem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => e.name);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/**
 * Checks what the schema cannot see: the slug against the folder, unique keys, references,
 * titles in every offered language. Works on unvalidated data (hence the guards), so an author
 * gets these problems together with the schema's instead of one round later.
 */
export function checkCourse(raw: unknown, folder: string, emit: Emit): void {
  const root = isRecord(raw) ? raw : {};
  const languages = [...new Set(list(root.languages).filter(isLang))];

  if (typeof root.slug === 'string' && root.slug !== folder) {
    emit(['slug'], 'package.slug-mismatch', { slug: root.slug, folder });
  }

  const checkTitle = (title: unknown, at: Path) => {
    if (!isRecord(title)) return; // missing or of the wrong type: the schema reports it
    for (const lang of languages) {
      const text = title[lang];
      // An empty string is the schema's minLength; whitespace only is caught here.
      if (text === undefined || (typeof text === 'string' && text !== '' && text.trim() === '')) {
        emit([...at, 'title'], 'package.missing-translation', { lang });
      }
    }
  };
  checkTitle(root.title, []);

  const moduleKeys = new Set<string>();
  const lessonKeys = new Set<string>();
  list(root.modules).forEach((m, i) => {
    if (!isRecord(m)) return;
    if (typeof m.key === 'string') {
      if (moduleKeys.has(m.key)) {
        emit(['modules', i, 'key'], 'package.duplicate-module-key', { key: m.key });
      }
      moduleKeys.add(m.key);
    }
    list(m.lessons).forEach((l, j) => {
      if (!isRecord(l)) return;
      const at = ['modules', i, 'lessons', j];
      if (typeof l.key === 'string') {
        if (lessonKeys.has(l.key)) {
          emit([...at, 'key'], 'package.duplicate-lesson-key', { key: l.key });
        }
        lessonKeys.add(l.key);
      }
      checkTitle(l.title, at);
    });
  });

  const assessmentKeys = new Set<string>();
  list(root.assessments).forEach((a, i) => {
    if (!isRecord(a)) return;
    if (typeof a.key === 'string') {
      if (assessmentKeys.has(a.key)) {
        emit(['assessments', i, 'key'], 'package.duplicate-assessment-key', { key: a.key });
      }
      assessmentKeys.add(a.key);
    }
    if (typeof a.module === 'string' && !moduleKeys.has(a.module)) {
      emit(['assessments', i, 'module'], 'package.unknown-module', { module: a.module });
    }
    const sectionKeys = new Set<string>();
    list(a.sections).forEach((sec, j) => {
      if (!isRecord(sec) || typeof sec.key !== 'string') return;
      if (sectionKeys.has(sec.key)) {
        emit(['assessments', i, 'sections', j, 'key'], 'package.duplicate-section-key', {
          key: sec.key,
        });
      }
      sectionKeys.add(sec.key);
    });
    if (
      typeof a.availableFrom === 'string' &&
      typeof a.availableUntil === 'string' &&
      Date.parse(a.availableFrom) >= Date.parse(a.availableUntil)
    ) {
      emit(['assessments', i, 'availableUntil'], 'package.window-order', {});
    }
  });
}

interface LessonRef {
  key: string;
  at: Path;
}

function lessonRefs(raw: unknown): LessonRef[] {
  const root = isRecord(raw) ? raw : {};
  const refs: LessonRef[] = [];
  list(root.modules).forEach((m, i) => {
    if (!isRecord(m)) return;
    list(m.lessons).forEach((l, j) => {
      if (isRecord(l) && typeof l.key === 'string') {
        refs.push({ key: l.key, at: ['modules', i, 'lessons', j, 'key'] });
      }
    });
  });
  return refs;
}

export function buildDocument(
  course: RawCourse,
  bodies: Map<string, TranslatableText>,
): CourseDocument {
  const text = (t: TranslatableText | undefined): TranslatableText => ({ ...t });
  const modules: ModuleDocument[] = course.modules.map((m) => ({
    key: m.key,
    title: text(m.title),
    lessons: m.lessons.map((l): LessonDocument => ({
      key: l.key,
      title: text(l.title),
      minutes: l.minutes,
      required: l.required ?? true,
      competencies: l.competencies ?? [],
      sources: (l.sources ?? []).map((s) =>
        s.url === undefined ? { title: s.title } : { title: s.title, url: s.url },
      ),
      body: bodies.get(l.key) ?? {},
    })),
  }));
  const assessments: AssessmentDocument[] = (course.assessments ?? []).map((a) => ({
    key: a.key,
    kind: a.kind,
    title: text(a.title),
    passMark: a.passMark,
    timeLimitMinutes: a.timeLimitMinutes ?? null,
    attemptsAllowed: a.attemptsAllowed ?? null,
    required: a.required ?? true,
    module: a.module ?? null,
    competencies: a.competencies ?? [],
    sections: a.sections ?? [],
    availableFrom: a.availableFrom ?? null,
    availableUntil: a.availableUntil ?? null,
    shuffleItems: a.shuffleItems ?? false,
    shuffleOptions: a.shuffleOptions ?? true,
    layout: a.layout ?? 'one_per_page',
    review: { shows: a.review?.shows ?? 'score', from: a.review?.from ?? 'submit' },
  }));
  return {
    level: course.level,
    kind: course.kind,
    languages: course.languages,
    hours: course.hours,
    title: text(course.title),
    description: text(course.description),
    audience: text(course.audience),
    competencies: course.competencies ?? [],
    modules,
    assessments,
  };
}

/** JSON with object keys sorted at every level: equal content, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** sha256 (hex) of a course's content: what tells an unchanged re-import from a changed one. */
export function courseContentHash(slug: string, document: CourseDocument): string {
  return createHash('sha256').update(canonicalJson({ slug, document })).digest('hex');
}

/**
 * Reads and checks one course package (a folder with course.yaml and lessons/). Every problem
 * found is returned, each at a file and line, so an author can fix them in one pass.
 */
export async function loadCoursePackage(dir: string): Promise<LoadedCoursePackage> {
  const root = path.resolve(dir);
  const folder = path.basename(root);
  const courseFile = `${folder}/${COURSE_FILE}`;
  const problems: PackageProblem[] = [];
  const fail = (slug: string | null): LoadedCoursePackage => ({
    ok: false,
    slug,
    dir: root,
    problems: problems.sort(compareProblems),
  });

  const source = await readIfExists(path.join(root, COURSE_FILE));
  if (source === null) {
    problems.push({ file: courseFile, line: 1, rule: 'package.no-course-yaml', params: {} });
    return fail(null);
  }

  const parsed = parseYaml(source, courseFile, problems);
  if (!parsed) return fail(null);
  const { raw, lines } = parsed;
  const slug = isRecord(raw) && typeof raw.slug === 'string' ? raw.slug : null;

  const emit: Emit = (segments, rule, params = {}) =>
    problems.push({ file: courseFile, line: lines.lineOf(segments), rule, params });

  const valid = validateCourse(raw);
  for (const e of validateCourse.errors ?? []) reportSchemaError(e, emit);
  checkCourse(raw, folder, emit);

  // Lesson bodies: one file per lesson and offered language, and no file left over.
  const languages = [...new Set(list(isRecord(raw) ? raw.languages : []).filter(isLang))];
  const lessons = lessonRefs(raw);
  const files = new Set(await listFiles(path.join(root, LESSONS_DIR)));
  const expected = new Set(lessons.flatMap((l) => languages.map((lang) => `${l.key}.${lang}.md`)));
  const bodies = new Map<string, TranslatableText>();
  for (const lesson of lessons) {
    // A repeated key is reported once, above; its files would only be checked twice.
    if (bodies.has(lesson.key)) continue;
    const body: TranslatableText = {};
    for (const lang of languages) {
      const name = `${lesson.key}.${lang}.md`;
      if (!files.has(name)) {
        emit(lesson.at, 'package.missing-body', { file: `${LESSONS_DIR}/${name}`, lang });
        continue;
      }
      const text = normaliseText(await fs.readFile(path.join(root, LESSONS_DIR, name), 'utf8'));
      for (const p of findMarkdownProblems(text)) {
        problems.push({
          file: `${folder}/${LESSONS_DIR}/${name}`,
          line: p.line,
          rule: p.rule,
          params: p.params ?? {},
        });
      }
      body[lang] = text;
    }
    bodies.set(lesson.key, body);
  }
  // Without a usable list of languages every file would look unlisted; the schema says why.
  if (languages.length > 0) {
    for (const name of [...files].sort()) {
      if (/\.md$/i.test(name) && !expected.has(name)) {
        problems.push({
          file: `${folder}/${LESSONS_DIR}/${name}`,
          line: 1,
          rule: 'package.unlisted-file',
          params: {},
        });
      }
    }
  }

  const banks = await loadBankFiles(root, folder, languages as Lang[], problems);
  checkSectionsAgainstBanks(raw, banks, emit);

  if (!valid || problems.length > 0) return fail(slug);
  const course = raw as RawCourse;
  const document = buildDocument(course, bodies);
  return {
    ok: true,
    slug: course.slug,
    document,
    hash: courseContentHash(course.slug, document),
    dir: root,
    banks,
  };
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * The packages at `target`: the folder itself when it holds a course.yaml, otherwise its
 * immediate subfolders that do, sorted by name so imports run in a stable order.
 */
export async function findCoursePackages(target: string): Promise<string[]> {
  const root = path.resolve(target);
  let stat;
  try {
    stat = await fs.stat(root);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`No course package or folder of packages at ${root}`);
    }
    throw e;
  }
  if (!stat.isDirectory()) {
    throw new Error(`${root} is not a folder: give a course package or a folder of packages`);
  }
  if (await isFile(path.join(root, COURSE_FILE))) return [root];
  const names = (await fs.readdir(root)).sort();
  const packages: string[] = [];
  for (const name of names) {
    if (await isFile(path.join(root, name, COURSE_FILE))) packages.push(path.join(root, name));
  }
  return packages;
}
