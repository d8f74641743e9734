import type { Lang } from './common';
import type { TranslatableText } from './catalog';

/** The kinds of question an item can be. */
export type ItemType =
  | 'single'
  | 'multiple'
  | 'true_false'
  | 'matching'
  | 'ordering'
  | 'short_answer'
  | 'numeric'
  | 'essay'
  | 'task';

export type Difficulty = 'easy' | 'medium' | 'hard';

/** Feedback shown in the review when the test's review settings allow it. */
export interface ItemFeedback {
  correct?: TranslatableText;
  incorrect?: TranslatableText;
  general?: TranslatableText;
}

export interface ChoiceOption {
  /** Opaque, stable within the item; given by the server when an author leaves it out. */
  id: string;
  text: TranslatableText;
  correct?: boolean;
  /**
   * Share of the item's points for choosing this option, -1..1 (Moodle's grade fractions).
   * Only read by the `fractions` rule of multiple choice and by single choice with partial credit.
   */
  fraction?: number;
  feedback?: TranslatableText;
}

/**
 * How multiple choice is scored:
 * - `all_or_nothing`: full points only for exactly the correct set;
 * - `partial`: +1/n for each correct option chosen, -1/n for each wrong one (n = correct
 *   options), never below 0 (Canvas's partial credit);
 * - `fractions`: the sum of the chosen options' fractions, clamped to 0..1 (Moodle).
 */
export type MultipleScoring = 'all_or_nothing' | 'partial' | 'fractions';
/** Matching and ordering: `partial` scores the share of right pairs / adjacent pairs. */
export type StructureScoring = 'all_or_nothing' | 'partial';

export interface TextChoice {
  id: string;
  text: TranslatableText;
}

export interface MatchingPair {
  left: TextChoice;
  right: TextChoice;
}

export interface AcceptedAnswer {
  /** `*` matches any run of characters, as in Moodle. */
  text: string;
  /** Share of the points, 0..1 (default 1). */
  fraction?: number;
  feedback?: TranslatableText;
}

export interface NumericAnswer {
  value: number;
  /** Accepted absolute error (default 0). */
  tolerance?: number;
  fraction?: number;
  feedback?: TranslatableText;
}

export interface RubricLevel {
  id: string;
  title: TranslatableText;
  points: number;
  /** At or above the "meets expectations" level: evidence for the criterion's competencies. */
  meets?: boolean;
}

export interface RubricCriterion {
  id: string;
  title: TranslatableText;
  competencies?: string[];
  levels: RubricLevel[];
}

export interface Rubric {
  criteria: RubricCriterion[];
}

interface ItemBase {
  prompt: TranslatableText;
  /** Competency codes, at least one (`unesco-cft:1.1`, `iste-ed:2.5.b`). */
  competencies: string[];
  difficulty: Difficulty;
  /** The item's weight (default 1; hand-graded items score their rubric's points scaled to it). */
  points?: number;
  feedback?: ItemFeedback;
}

export interface SingleChoiceItem extends ItemBase {
  type: 'single';
  options: ChoiceOption[];
}
export interface MultipleChoiceItem extends ItemBase {
  type: 'multiple';
  options: ChoiceOption[];
  scoring?: MultipleScoring;
}
export interface TrueFalseItem extends ItemBase {
  type: 'true_false';
  answer: boolean;
}
export interface MatchingItem extends ItemBase {
  type: 'matching';
  pairs: MatchingPair[];
  /** Extra right-hand choices that match nothing. */
  distractors?: TextChoice[];
  scoring?: StructureScoring;
}
export interface OrderingItem extends ItemBase {
  type: 'ordering';
  /** In the correct order; always shown shuffled. */
  sequence: TextChoice[];
  scoring?: StructureScoring;
}
export interface ShortAnswerItem extends ItemBase {
  type: 'short_answer';
  answers: AcceptedAnswer[];
  caseSensitive?: boolean;
}
export interface NumericItem extends ItemBase {
  type: 'numeric';
  answers: NumericAnswer[];
}
export interface HandGradedItem extends ItemBase {
  type: 'essay' | 'task';
  rubric: Rubric;
  /** Longest answer accepted, in characters (default 20,000). */
  maxLength?: number;
}

/** A question as authors write it, key included. Stored per version; staff-only. */
export type ItemDefinition =
  | SingleChoiceItem
  | MultipleChoiceItem
  | TrueFalseItem
  | MatchingItem
  | OrderingItem
  | ShortAnswerItem
  | NumericItem
  | HandGradedItem;

/**
 * What a teacher sends for an item (`PUT /api/attempts/:id/responses/:itemId`):
 * single → option id; multiple → option ids; true_false → boolean; matching → { leftId: rightId };
 * ordering → ids in the chosen order; short_answer → text; numeric → number (or "3,5");
 * essay/task → text. `null` clears the answer.
 */
export type ItemResponse = string | string[] | boolean | number | Record<string, string> | null;

// ---- What teachers see ----------------------------------------------------------------------

/** An item as a teacher taking the test sees it: no key, no correct flags, no scoring rule. */
export interface AttemptItemView {
  id: string;
  type: ItemType;
  prompt: string;
  points: number;
  section: string;
  /** Choices (single, multiple), the right-hand column (matching), or the pieces (ordering). */
  options?: { id: string; text: string }[];
  /** Matching: the left-hand column. */
  stems?: { id: string; text: string }[];
  /** Essay and task: the criteria they are graded by (levels without points). */
  rubric?: { id: string; title: string; levels: { id: string; title: string }[] }[];
  maxLength?: number;
}

export type AttemptStatus = 'in_progress' | 'submitted' | 'graded';
export type ReviewShows = 'score' | 'answers' | 'feedback';
export type ReviewFrom = 'submit' | 'close' | 'never';
export type TestLayout = 'one_per_page' | 'all_on_one';

/** `POST /api/assessments/:id/attempts`. */
export interface AttemptStarted {
  id: string;
  assessmentId: string;
  number: number;
  status: AttemptStatus;
  startedAt: string;
  /** The server's deadline; null when the test has no time limit and no closing time. */
  deadline: string | null;
  /** The server's clock at the moment of answering, so a client can correct its own. */
  serverTime: string;
  layout: TestLayout;
  lang: Lang;
  items: AttemptItemView[];
  responses: Record<string, { response: ItemResponse; savedAt: string }>;
}

/** `POST /api/attempts/:id/submit`. `passed` is null while hand-graded parts wait for grading. */
export interface AttemptResult {
  score: number | null;
  maxScore: number;
  percent: number | null;
  passed: boolean | null;
  status: AttemptStatus;
}

/** One item in a review, as far as the test's review settings allow. */
export interface ReviewItem {
  id: string;
  score: number | null;
  maxScore: number;
  /** Present when the review shows answers. */
  correct?: boolean;
  correctResponse?: ItemResponse;
  /** Present when the review shows feedback. */
  feedback?: string;
  comment?: string;
}

/** `GET /api/attempts/:id`. */
export interface AttemptView extends AttemptStarted, AttemptResult {
  submittedAt: string | null;
  closedBy: 'teacher' | 'deadline' | null;
  /** What the review allows now; absent before it opens. */
  review?: { shows: ReviewShows; items: ReviewItem[] };
}

// ---- Staff ------------------------------------------------------------------------------------

export interface BankSummary {
  id: string;
  key: string;
  title: TranslatableText;
  items: number;
  updatedAt: string;
}

export interface ItemRecord {
  id: string;
  bankId: string;
  key: string | null;
  version: number;
  versionId: string;
  type: ItemType;
  difficulty: Difficulty;
  competencies: string[];
  archived: boolean;
  definition: ItemDefinition;
  updatedAt: string;
}

/** One entry of a per-item import report. */
export interface ImportProblem {
  /** 1-based position of the question in the file. */
  index: number;
  /** The question's name or the start of its text, to find it. */
  name: string;
  line?: number;
  problem: string;
}

export interface ImportReport {
  format: 'moodle' | 'gift';
  banks: { id: string; key: string; created: boolean; items: number }[];
  imported: number;
  /** Questions already in their bank with the same content (a file imported twice). */
  duplicates: number;
  skipped: number;
  /** Questions not imported, and why. */
  problems: ImportProblem[];
  /** Imported, with something to review (an image dropped, a default rubric). */
  warnings: ImportProblem[];
}

/** One response waiting for a human grade. */
export interface GradingTask {
  attemptId: string;
  itemId: string;
  assessmentId: string;
  assessmentTitle: string;
  courseSlug: string;
  submittedAt: string;
  prompt: string;
  response: string;
  rubric: Rubric;
  points: number;
}

export interface KeyCorrectionResult {
  itemId: string;
  version: number;
  regraded: number;
  changed: number;
}
