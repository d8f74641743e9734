import type { LadderLevel, Lang, Recommendation, TranslatableText } from '@qadam/contracts';
import { pickText } from '../courses/text';

/** Rules, the teacher's situation and the catalogue in; recommendations with reasons out. Pure. */

export type Rung = 'none' | LadderLevel;

export interface TrajectoryRule {
  key: string;
  priority: number;
  enabled: boolean;
  when: {
    rung?: Rung[];
    schoolKind?: string[];
    subjects?: string[];
    grades?: string[];
    gaps?: 'any';
  };
  recommend:
    | { type: 'course'; level: LadderLevel; kind?: string; slugs?: string[] }
    | { type: 'lessons'; max: number };
  because: Record<Lang, string>;
  uses: string[];
}

export interface Situation {
  rung: Rung;
  schoolKind: string | null;
  subjects: string[];
  grades: string[];
  /** UNESCO blocks of the teacher's rung (Acquire for a newcomer) with no live evidence. */
  gaps: { code: string; name: TranslatableText }[];
  /** Courses the teacher is in or has finished: never recommended again. */
  taken: Set<string>;
  dismissed: Set<string>;
}

export interface CourseOption {
  slug: string;
  level: LadderLevel;
  kind: string | null;
  title: TranslatableText;
}

export interface LessonOption {
  courseSlug: string;
  courseTitle: TranslatableText;
  key: string;
  title: TranslatableText;
  competencies: string[];
}

const LANGS: Lang[] = ['kk', 'ru', 'en'];

function applies(rule: TrajectoryRule, s: Situation): boolean {
  const w = rule.when;
  if (w.rung && !w.rung.includes(s.rung)) return false;
  if (w.schoolKind && !(s.schoolKind && w.schoolKind.includes(s.schoolKind))) return false;
  if (w.subjects && !w.subjects.some((x) => s.subjects.includes(x))) return false;
  if (w.grades && !w.grades.some((x) => s.grades.includes(x))) return false;
  if (w.gaps === 'any' && s.gaps.length === 0) return false;
  return true;
}

function reason(rule: TrajectoryRule, s: Situation, course: TranslatableText): TranslatableText {
  const out: TranslatableText = {};
  for (const l of LANGS) {
    const gaps = s.gaps
      .map((g) => `${g.code.replace('unesco-cft:', '')} ${pickText(g.name, l)}`.trim())
      .join(', ');
    out[l] = rule.because[l]
      .replace('{course}', pickText(course, l))
      .replace('{gaps}', gaps)
      .replace('{rung}', s.rung);
  }
  return out;
}

/** Every enabled rule in priority order; what the teacher dismissed or already takes is left out. */
export function recommend(
  rules: TrajectoryRule[],
  s: Situation,
  courses: CourseOption[],
  lessons: LessonOption[],
): Recommendation[] {
  const out: Recommendation[] = [];
  const seen = new Set<string>();
  for (const rule of [...rules].sort((a, b) => a.priority - b.priority)) {
    if (!rule.enabled || !applies(rule, s)) continue;
    const r = rule.recommend;
    if (r.type === 'course') {
      const candidates = courses
        .filter((c) => c.level === r.level && (!r.kind || c.kind === r.kind))
        .filter((c) => !r.slugs || r.slugs.includes(c.slug))
        .sort((a, b) =>
          r.slugs
            ? r.slugs.indexOf(a.slug) - r.slugs.indexOf(b.slug)
            : a.slug.localeCompare(b.slug),
        );
      for (const c of candidates) {
        const id = `${rule.key}/${c.slug}`;
        if (s.taken.has(c.slug) || s.dismissed.has(id) || seen.has(c.slug)) continue;
        seen.add(c.slug);
        out.push({
          id,
          rule: rule.key,
          kind: 'course',
          courseSlug: c.slug,
          lessonKey: null,
          title: c.title,
          reason: reason(rule, s, c.title),
          uses: rule.uses,
          gaps: [],
        });
      }
    } else {
      const gapCodes = new Set(s.gaps.map((g) => g.code));
      let n = 0;
      for (const lesson of lessons) {
        if (n >= r.max) break;
        const covers = lesson.competencies.filter((c) => gapCodes.has(c));
        const id = `${rule.key}/${lesson.courseSlug}/${lesson.key}`;
        if (covers.length === 0 || s.dismissed.has(id)) continue;
        n += 1;
        out.push({
          id,
          rule: rule.key,
          kind: 'lesson',
          courseSlug: lesson.courseSlug,
          lessonKey: lesson.key,
          title: lesson.title,
          reason: reason(rule, s, lesson.courseTitle),
          uses: rule.uses,
          gaps: covers,
        });
      }
    }
  }
  return out;
}
