import type { Lang } from './common';
import type { Difficulty, ReviewFrom, ReviewShows, TestLayout } from './assessments';

export type LadderLevel = 'acquire' | 'deepen' | 'create';
export type CourseKind = 'mooc' | 'cohort' | 'profile';

export type AssessmentKind = 'quiz' | 'final' | 'task';

/**
 * A translatable text as authors write it: any of kk, ru, en. Readers get one language, chosen
 * by the fallback order requested → kk → ru → en (the first that is present).
 */
export type TranslatableText = Partial<Record<Lang, string>>;

/** A source a lesson cites. */
export interface LessonSource {
  title: string;
  url?: string;
}

export interface LessonDocument {
  /** Stable within the course across versions; progress is kept by it. */
  key: string;
  title: TranslatableText;
  minutes: number;
  /** Counts towards completion (default true). */
  required: boolean;
  /** Competency codes, e.g. `unesco-cft:1.1`, `iste-ed:2.5.b`. */
  competencies: string[];
  sources: LessonSource[];
  /** Markdown, per language. */
  body: TranslatableText;
}

export interface ModuleDocument {
  key: string;
  title: TranslatableText;
  lessons: LessonDocument[];
}

/** A reference to an assessment; its items and grading belong to the assessment engine. */
export interface AssessmentDocument {
  key: string;
  kind: AssessmentKind;
  title: TranslatableText;
  /** Percent, 0–100. */
  passMark: number;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
  /** Must be passed for the course to be complete (default true). */
  required: boolean;
  /** The module it closes, when it is a module quiz. */
  module: string | null;
  competencies: string[];
  /** What an attempt is made of; an assessment without sections cannot be started yet. */
  sections: AssessmentSection[];
  /** When attempts may be started (ISO 8601); a started attempt ends by the closing time. */
  availableFrom: string | null;
  availableUntil: string | null;
  shuffleItems: boolean;
  shuffleOptions: boolean;
  layout: TestLayout;
  /** What a teacher's review shows, and from when (after their submit, or after closing). */
  review: { shows: ReviewShows; from: ReviewFrom };
}

/** A part of an assessment: fixed items, or items drawn at random from a bank. */
export interface AssessmentSection {
  key: string;
  title?: TranslatableText;
  /** Fixed items, as `bank-key/item-key`, in this order. */
  items?: string[];
  draw?: {
    bank: string;
    count: number;
    /** Only items tagged with one of these. */
    competencies?: string[];
    difficulty?: Difficulty[];
    /** Spread the draw evenly over the competencies (the listed ones, else the bank's). */
    stratify?: boolean;
  };
  /** Percent of a competency's points in this section that counts as evidence (default: pass mark). */
  threshold?: number;
}

/** Everything an author edits in a course version: the editor's and the packages' common shape. */
export interface CourseDocument {
  level: LadderLevel;
  kind: CourseKind;
  languages: Lang[];
  /** Academic hours. */
  hours: number;
  title: TranslatableText;
  description: TranslatableText;
  audience: TranslatableText;
  competencies: string[];
  modules: ModuleDocument[];
  assessments: AssessmentDocument[];
}

/** `GET /api/programs`: one per rung. */
export interface ProgramSummary {
  level: LadderLevel;
  title: string;
  description: string;
  /** Published courses on this rung. */
  courses: number;
}

/** One entry of `GET /api/courses`. */
export interface CourseSummary {
  id: string;
  slug: string;
  title: string;
  description: string;
  level: LadderLevel;
  kind: CourseKind;
  languages: Lang[];
  hours: number;
  competencies: string[];
  /** The language the texts are in (after fallback). */
  lang: Lang;
  version: number;
  publishedAt: string;
}

export interface LessonOutline {
  id: string;
  key: string;
  title: string;
  minutes: number;
  required: boolean;
  competencies: string[];
  /** Present for an enrolled teacher. */
  done?: boolean;
}

export interface ModuleOutline {
  id: string;
  key: string;
  title: string;
  lessons: LessonOutline[];
  /** 0–1, for an enrolled teacher. */
  progress?: number;
}

export interface AssessmentOutline {
  id: string;
  key: string;
  title: string;
  kind: AssessmentKind;
  passMark: number;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
  required: boolean;
  module: string | null;
  /** For an enrolled teacher. */
  passed?: boolean;
}

/** `GET /api/courses/:slug`: the published version, or the enrolled teacher's own version. */
export interface CourseDetail extends CourseSummary {
  audience: string;
  modules: ModuleOutline[];
  assessments: AssessmentOutline[];
  enrollment: EnrollmentSummary | null;
}

export interface LessonSourceView {
  title: string;
  url: string | null;
}

/** `GET /api/courses/:slug/lessons/:lessonId`: for the enrolled only. */
export interface LessonView {
  id: string;
  key: string;
  courseSlug: string;
  moduleKey: string;
  title: string;
  minutes: number;
  competencies: string[];
  sources: LessonSourceView[];
  /** Sanitised HTML rendered from the lesson's Markdown. */
  html: string;
  lang: Lang;
  done: boolean;
  previousLessonId: string | null;
  nextLessonId: string | null;
}

export type EnrollmentStatus =
  'pending' | 'waitlisted' | 'active' | 'completed' | 'rejected' | 'withdrawn';

export interface EnrollmentSummary {
  id: string;
  courseSlug: string;
  status: EnrollmentStatus;
  /** 0–1 */
  progress: number;
  version: number;
  cohortId: string | null;
  /** Position on the cohort's waitlist (1 = next), when waitlisted. */
  waitlistPosition: number | null;
  /** Why an application was rejected. */
  reason: string | null;
  createdAt: string;
  completedAt: string | null;
}

/** `GET /api/me/enrollments` entries. */
export interface MyEnrollment extends EnrollmentSummary {
  courseTitle: string;
  level: LadderLevel;
  kind: CourseKind;
}

export type VersionStatus = 'draft' | 'in_review' | 'approved' | 'published' | 'superseded';

export interface CourseVersionInfo {
  id: string;
  number: number;
  status: VersionStatus;
  source: 'editor' | 'package';
  createdAt: string;
  submittedAt: string | null;
  submittedBy: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewComment: string | null;
  publishedAt: string | null;
}

/** An author's view of a course: its versions and, when asked, the draft's document. */
export interface AuthoringCourse {
  id: string;
  slug: string;
  level: LadderLevel;
  /** The open draft's title, else the published version's. */
  title: TranslatableText;
  publishedVersion: number | null;
  /** The open (unpublished) version, if any. */
  draft: CourseVersionInfo | null;
  /**
   * Only when one course is asked for: the open draft's document, else the published version's
   * (saving it opens the next draft).
   */
  document?: CourseDocument;
  versions: CourseVersionInfo[];
}

export interface Cohort {
  id: string;
  code: string;
  courseSlug: string;
  title: string;
  startsOn: string;
  endsOn: string;
  enrolmentOpensAt: string;
  enrolmentClosesAt: string;
  seats: number;
  waitlistLimit: number;
  /** Active and completed enrolments. */
  taken: number;
  waitlisted: number;
  pending: number;
  version: number;
}

export interface BulkEnrollmentRowProblem {
  /** 1-based line in the CSV, the header being line 1. */
  line: number;
  teacher: string;
  cohort: string;
  code: string;
  message: string;
}

export interface BulkEnrollmentReport {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  mode: 'all-or-nothing' | 'partial';
  total: number;
  /** Rows checked so far; the enrolments are written after the last check, so wait for `done`. */
  processed: number;
  applied: number;
  problems: BulkEnrollmentRowProblem[];
  /** Problems beyond the ones listed (the list is capped). */
  moreProblems: number;
  createdAt: string;
  finishedAt: string | null;
}

export interface LadderException {
  id: string;
  userId: string;
  courseSlug: string;
  reason: string;
  grantedBy: string;
  createdAt: string;
}

/** Where a teacher stands on one rung of the ladder. */
export type RungStatus = 'held' | 'in_progress' | 'open' | 'locked';

export interface LadderRung {
  level: LadderLevel;
  /** held: a valid certificate; in_progress: enrolled or applied; open: may enrol; locked: not yet. */
  status: RungStatus;
  /** The newest valid certificate of this rung, when held. */
  certificate: {
    id: string;
    number: string;
    courseSlug: string;
    courseTitle: string;
    issuedAt: string;
  } | null;
  /** Live enrolments and applications in courses of this rung (not withdrawn or rejected). */
  enrollments: MyEnrollment[];
  /** What the teacher lacks to enter this rung, in the reader's language; empty when she may. */
  missing: string[];
}

/** `GET /api/me/ladder`: the three rungs, Acquire → Deepen → Create. */
export interface MyLadder {
  /** The highest rung held, or null before the first certificate. */
  current: LadderLevel | null;
  rungs: LadderRung[];
}

/** `GET /api/admin/cohorts/:id/enrollments`: an application to a cohort, as an admin decides it. */
export interface CohortApplication {
  id: string;
  userId: string;
  fullName: string;
  email: string;
  iin: string | null;
  region: string | null;
  status: EnrollmentStatus;
  reason: string | null;
  progress: number;
  createdAt: string;
  decidedAt: string | null;
}

/**
 * `POST /api/authoring/packages` (a course package folder as a .zip): the package became the
 * course's draft, to be submitted for review. A package with problems imports nothing: the answer
 * is then 400 `PACKAGE_PROBLEMS` whose `details` name each one (`field` is `file:line`).
 */
export interface CoursePackageReport {
  slug: string;
  /** created: a new course; updated: a new or refreshed draft; unchanged: nothing to do. */
  outcome: 'created' | 'updated' | 'unchanged';
  /** The version the package is (its draft, or the unchanged latest version). */
  version: number;
  banks: {
    key: string;
    created: boolean;
    added: number;
    versioned: number;
    unchanged: number;
    archived: number;
  }[];
  /** Lessons in the package, and items in its banks. */
  lessons: number;
  items: number;
}
