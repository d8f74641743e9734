import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import type {
  AssessmentKind,
  CourseDetail,
  CourseKind,
  CourseSummary,
  EnrollmentStatus,
  LadderLevel,
  Lang,
  LessonSource,
  LessonView,
  Page,
  ProgramSummary,
  TranslatableText,
} from '@qadam/contracts';
import { DomainError } from '../common/errors/domain-error';
import { CatalogCache } from './catalog-cache';
import { CatalogQueryDto } from './dto/catalog-query.dto';
import { pickText, servedLang } from './text';

interface CourseRow {
  id: string;
  slug: string;
  level: LadderLevel;
  kind: CourseKind;
  languages: Lang[];
  hours: number;
  title: TranslatableText;
  description: TranslatableText;
  competencies: string[];
  published_number: number;
  published_at: Date;
  published_version_id: string;
}

/** A frozen version's outline: immutable once published, so it is cached by version id. */
interface Outline {
  number: number;
  document: { audience: TranslatableText; languages: Lang[] };
  modules: { id: string; key: string; title: TranslatableText }[];
  lessons: {
    id: string;
    module_id: string;
    key: string;
    title: TranslatableText;
    minutes: number;
    required: boolean;
    competencies: string[];
  }[];
  assessments: {
    id: string;
    key: string;
    title: TranslatableText;
    kind: AssessmentKind;
    pass_mark: number;
    time_limit_minutes: number | null;
    attempts_allowed: number | null;
    required: boolean;
    module_key: string | null;
  }[];
}

export interface EnrollmentRow {
  id: string;
  status: EnrollmentStatus;
  version_id: string;
  cohort_id: string | null;
  progress: number;
  reason: string | null;
  created_at: Date;
  completed_at: Date | null;
  waitlist_position: number | null;
  number: number;
}

const SUMMARY_COLUMNS = `c.id, c.slug, c.level, c.kind, c.languages, c.hours, c.title, c.description,
  c.competencies, c.published_number, c.published_at, c.published_version_id`;

/**
 * What an enrolment summary reads, from `enrollments e` joined to `course_versions v`: the
 * waitlist position is the count of those waitlisted no later in the same cohort.
 */
export const ENROLLMENT_COLUMNS = `e.id, e.status, e.version_id, e.cohort_id, e.progress, e.reason,
  e.created_at, e.completed_at, v.number,
  CASE WHEN e.status = 'waitlisted' THEN (
    SELECT count(*)::int FROM enrollments w
     WHERE w.cohort_id = e.cohort_id AND w.status = 'waitlisted'
       AND w.waitlisted_at <= e.waitlisted_at) END AS waitlist_position`;

/** Escapes LIKE's wildcards so a teacher's `50%` is searched literally. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class CatalogService {
  private readonly outlines = new LRUCache<string, Outline>({ max: 500 });

  constructor(
    private readonly ds: DataSource,
    private readonly cache: CatalogCache,
  ) {}

  async list(q: CatalogQueryDto, readerLang: Lang): Promise<Page<CourseSummary>> {
    const key = JSON.stringify([
      q.level,
      q.kind,
      q.lang ?? readerLang,
      q.q?.toLowerCase(),
      q.page,
      q.pageSize,
    ]);
    return this.cache.page(key, () => this.query(q, readerLang));
  }

  private async query(q: CatalogQueryDto, readerLang: Lang): Promise<Page<CourseSummary>> {
    const where = ['c.published_version_id IS NOT NULL'];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.level) add('c.level = ?', q.level);
    if (q.kind) add('c.kind = ?', q.kind);
    if (q.lang) add('c.languages @> ARRAY[?]::text[]', q.lang);
    for (const word of (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
      add(`c.search_text LIKE ?`, `%${likeEscape(word)}%`);
    }
    const lang = q.lang ?? readerLang;
    params.push(q.pageSize, (q.page - 1) * q.pageSize, lang);
    const n = params.length;
    const rows: (CourseRow & { total: string })[] = await this.ds.query(
      `SELECT ${SUMMARY_COLUMNS}, count(*) OVER () AS total
         FROM courses c JOIN programs p ON p.level = c.level
        WHERE ${where.join(' AND ')}
        ORDER BY p.position, coalesce(c.title ->> $${n}, c.title ->> 'kk'), c.slug
        LIMIT $${n - 2} OFFSET $${n - 1}`,
      params,
    );
    const total = rows.length ? Number(rows[0].total) : await this.count(where, params, n);
    return {
      items: rows.map((r) => summary(r, lang)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Only for a page past the end, where the window count is not there to read. */
  private async count(where: string[], params: unknown[], n: number): Promise<number> {
    const [row] = await this.ds.query(
      `SELECT count(*) AS total FROM courses c WHERE ${where.join(' AND ')}`,
      params.slice(0, n - 3),
    );
    return Number(row.total);
  }

  async programs(lang: Lang): Promise<ProgramSummary[]> {
    const rows: {
      level: LadderLevel;
      title: TranslatableText;
      description: TranslatableText;
      courses: number;
    }[] = await this.ds.query(
      `SELECT p.level, p.title, p.description,
              (SELECT count(*)::int FROM courses c
                WHERE c.level = p.level AND c.published_version_id IS NOT NULL) AS courses
         FROM programs p ORDER BY p.position`,
    );
    return rows.map((r) => ({
      level: r.level,
      title: pickText(r.title, lang),
      description: pickText(r.description, lang),
      courses: r.courses,
    }));
  }

  /**
   * The published version for everyone, except an enrolled teacher, who sees the version they
   * enrolled in (with their progress).
   */
  async detail(slug: string, lang: Lang, userId: string | null): Promise<CourseDetail> {
    const course = await this.courseBySlug(slug);
    const enrollment = userId && course ? await this.liveEnrollment(userId, course.id) : null;
    if (!course || (!course.published_version_id && !enrollment))
      throw new DomainError('NOT_FOUND');
    const versionId = enrollment?.version_id ?? course.published_version_id;
    const outline = await this.outline(versionId);
    const served = servedLang(outline.document.languages, lang);
    const progress = enrollment ? await this.progressOf(enrollment.id) : null;

    const modules = outline.modules.map((m) => {
      const lessons = outline.lessons
        .filter((l) => l.module_id === m.id)
        .map((l) => ({
          id: l.id,
          key: l.key,
          title: pickText(l.title, served),
          minutes: l.minutes,
          required: l.required,
          competencies: l.competencies,
          ...(progress ? { done: progress.lessons.has(l.key) } : {}),
        }));
      const done = lessons.filter((l) => l.done).length;
      return {
        id: m.id,
        key: m.key,
        title: pickText(m.title, served),
        lessons,
        ...(progress ? { progress: lessons.length ? done / lessons.length : 0 } : {}),
      };
    });
    return {
      ...summary(course, served),
      version: outline.number,
      audience: pickText(outline.document.audience, served),
      modules,
      assessments: outline.assessments.map((a) => ({
        id: a.id,
        key: a.key,
        title: pickText(a.title, served),
        kind: a.kind,
        passMark: a.pass_mark,
        timeLimitMinutes: a.time_limit_minutes,
        attemptsAllowed: a.attempts_allowed,
        required: a.required,
        module: a.module_key,
        ...(progress ? { passed: progress.passed.has(a.key) } : {}),
      })),
      enrollment: enrollment ? enrollmentSummary(enrollment, slug) : null,
    };
  }

  /** A lesson's body: for teachers whose enrolment is active or completed, from their version. */
  async lesson(slug: string, lessonId: string, lang: Lang, userId: string): Promise<LessonView> {
    const course = await this.courseBySlug(slug);
    if (!course) throw new DomainError('NOT_FOUND');
    const enrollment = await this.liveEnrollment(userId, course.id);
    if (!enrollment || !['active', 'completed'].includes(enrollment.status)) {
      const [exists] = await this.ds.query(`SELECT 1 FROM lessons WHERE id = $1`, [lessonId]);
      throw new DomainError(exists ? 'NOT_ENROLLED' : 'NOT_FOUND');
    }
    const outline = await this.outline(enrollment.version_id);
    const index = outline.lessons.findIndex((l) => l.id === lessonId);
    if (index < 0) throw new DomainError('NOT_FOUND');
    const [row]: {
      body_html: TranslatableText;
      sources: LessonSource[];
      done: boolean;
    }[] = await this.ds.query(
      `SELECT l.body_html, l.sources,
              EXISTS (SELECT 1 FROM lesson_progress p
                       WHERE p.enrollment_id = $2 AND p.lesson_key = l.key) AS done
         FROM lessons l WHERE l.id = $1`,
      [lessonId, enrollment.id],
    );
    const lesson = outline.lessons[index];
    const served = servedLang(outline.document.languages, lang);
    return {
      id: lesson.id,
      key: lesson.key,
      courseSlug: slug,
      moduleKey: outline.modules.find((m) => m.id === lesson.module_id)?.key ?? '',
      title: pickText(lesson.title, served),
      minutes: lesson.minutes,
      competencies: lesson.competencies,
      sources: row.sources.map((s) => ({ title: s.title, url: s.url ?? null })),
      html: pickText(row.body_html, served),
      lang: served,
      done: row.done,
      previousLessonId: outline.lessons[index - 1]?.id ?? null,
      nextLessonId: outline.lessons[index + 1]?.id ?? null,
    };
  }

  async courseBySlug(slug: string): Promise<CourseRow | null> {
    const [row] = await this.ds.query(`SELECT ${SUMMARY_COLUMNS} FROM courses c WHERE slug = $1`, [
      slug,
    ]);
    return row ?? null;
  }

  async liveEnrollment(userId: string, courseId: string): Promise<EnrollmentRow | null> {
    const [row] = await this.ds.query(
      `SELECT ${ENROLLMENT_COLUMNS}
         FROM enrollments e JOIN course_versions v ON v.id = e.version_id
        WHERE e.user_id = $1 AND e.course_id = $2
          AND e.status IN ('pending', 'waitlisted', 'active', 'completed')`,
      [userId, courseId],
    );
    return row ?? null;
  }

  async outline(versionId: string): Promise<Outline> {
    const cached = this.outlines.get(versionId);
    if (cached) return cached;
    const [row] = await this.ds.query(
      `SELECT v.number,
              json_build_object('audience', v.document -> 'audience',
                                'languages', v.document -> 'languages') AS document,
              (SELECT coalesce(json_agg(m ORDER BY m.position), '[]') FROM (
                 SELECT id, key, title, position FROM course_modules WHERE version_id = v.id) m
              ) AS modules,
              (SELECT coalesce(json_agg(l ORDER BY l.position), '[]') FROM (
                 SELECT id, module_id, key, title, minutes, required, competencies, position
                   FROM lessons WHERE version_id = v.id) l
              ) AS lessons,
              (SELECT coalesce(json_agg(a ORDER BY a.position), '[]') FROM (
                 SELECT id, key, title, kind, pass_mark, time_limit_minutes, attempts_allowed,
                        required, module_key, position
                   FROM course_assessments WHERE version_id = v.id) a
              ) AS assessments
         FROM course_versions v WHERE v.id = $1`,
      [versionId],
    );
    if (!row) throw new DomainError('NOT_FOUND');
    // Only published versions are materialised, and those never change.
    this.outlines.set(versionId, row);
    return row;
  }

  private async progressOf(
    enrollmentId: string,
  ): Promise<{ lessons: Set<string>; passed: Set<string> }> {
    const [row]: { lessons: string[]; passed: string[] }[] = await this.ds.query(
      `SELECT ARRAY(SELECT lesson_key FROM lesson_progress WHERE enrollment_id = $1) AS lessons,
              ARRAY(SELECT assessment_key FROM assessment_progress
                     WHERE enrollment_id = $1 AND passed_at IS NOT NULL) AS passed`,
      [enrollmentId],
    );
    return { lessons: new Set(row.lessons), passed: new Set(row.passed) };
  }
}

function summary(r: CourseRow, lang: Lang): CourseSummary {
  const served = servedLang(r.languages, lang);
  return {
    id: r.id,
    slug: r.slug,
    title: pickText(r.title, served),
    description: pickText(r.description, served),
    level: r.level,
    kind: r.kind,
    languages: r.languages,
    hours: r.hours,
    competencies: r.competencies,
    lang: served,
    version: r.published_number,
    publishedAt: r.published_at?.toISOString() ?? null,
  } as CourseSummary;
}

export function enrollmentSummary(e: EnrollmentRow, courseSlug: string) {
  return {
    id: e.id,
    courseSlug,
    status: e.status,
    progress: Number(e.progress),
    version: e.number,
    cohortId: e.cohort_id,
    waitlistPosition: e.waitlist_position ?? null,
    reason: e.reason,
    createdAt: e.created_at.toISOString(),
    completedAt: e.completed_at?.toISOString() ?? null,
  };
}
