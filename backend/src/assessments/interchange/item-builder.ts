import type {
  AcceptedAnswer,
  ChoiceOption,
  Difficulty,
  HandGradedItem,
  ItemDefinition,
  ItemFeedback,
  MatchingPair,
  NumericAnswer,
  Rubric,
  TextChoice,
  TranslatableText,
} from '@qadam/contracts';
import { randomBytes } from 'node:crypto';
import { isCompetencyCode } from '../../courses/competency-codes';
import { inLanguage, type ImportOptions, type InterchangeRule } from './interchange';

/**
 * What both importers hand over once a question's format is peeled off: texts already plain,
 * grades as fractions (-1..1). The checks every question must pass live here, so Moodle XML and
 * GIFT refuse the same things with the same rules.
 */
export interface Note {
  rule: InterchangeRule;
  params?: Record<string, string | number>;
}

export interface DraftChoice {
  text: string;
  fraction: number;
  feedback?: string;
}

export interface DraftNumber {
  /** As written, for messages and for Moodle's `*` ("any other answer"). */
  raw: string;
  value: number;
  rawTolerance: string;
  tolerance: number;
  fraction: number;
  feedback?: string;
}

export type DraftBody =
  /** `single` undefined: decided by the grades (GIFT has no flag). */
  | { type: 'choice'; single?: boolean; choices: DraftChoice[] }
  | { type: 'true_false'; answer?: boolean; rightFeedback?: string; wrongFeedback?: string }
  | { type: 'short_answer'; answers: DraftChoice[]; caseSensitive?: boolean }
  | { type: 'numeric'; answers: DraftNumber[] }
  /** A pair with an empty left side is a distractor (Moodle's and GIFT's convention). */
  | { type: 'matching'; pairs: { left: string; right: string }[] }
  /** `exact`: a rubric exported by Qadam, taken as is. */
  | {
      type: 'essay';
      exact?: { type: 'essay' | 'task'; rubric: Rubric; maxLength?: number };
    };

export interface Draft {
  prompt: string;
  general?: string;
  correct?: string;
  incorrect?: string;
  tags: string[];
  points?: number;
  body: DraftBody;
}

export interface Failure {
  ok: false;
  problem: Note;
}
export type Built = { ok: true; definition: ItemDefinition } | Failure;

type BaseKey = 'prompt' | 'competencies' | 'difficulty' | 'points' | 'feedback';
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** The type-specific part of an item. */
type ItemBody = DistributiveOmit<ItemDefinition, BaseKey>;
type BuiltBody = { ok: true; body: ItemBody } | Failure;

/**
 * Choice ids are random, like the editor's: ids numbered in the author's order would tell a
 * teacher which right-hand choice belongs to which stem.
 */
export function newChoiceId(): string {
  return randomBytes(6).toString('base64url');
}

// Grades are written with 5 decimals of a percent (33.33333); compare with room for that.
const EPS = 1e-4;
const SUM_TOLERANCE = 0.01;

export function percentToFraction(percent: number): number {
  return Math.round(percent * 1e5) / 1e7;
}

export function fractionToPercent(fraction: number): string {
  return String(Math.round(fraction * 1e7) / 1e5);
}

const DIFFICULTY_TAG = /^difficulty:(easy|medium|hard)$/;

/**
 * Competency codes and difficulty from a question's tags (`unesco-cft:1.1`, `difficulty:hard`);
 * other tags are ordinary Moodle tags and are ignored, except near-misses of a code.
 */
export function readTags(
  tags: string[],
  opts: ImportOptions,
  warnings: Note[],
): { competencies: string[]; difficulty: Difficulty } {
  const competencies: string[] = [];
  let difficulty = opts.difficulty;
  for (const tag of tags) {
    const t = tag.trim().toLowerCase();
    const d = DIFFICULTY_TAG.exec(t);
    if (isCompetencyCode(t)) {
      if (!competencies.includes(t)) competencies.push(t);
    } else if (d) {
      difficulty = d[1] as Difficulty;
    } else if (/^(unesco-cft|iste-ed):/.test(t)) {
      warnings.push({ rule: 'item.unknown-competency', params: { code: tag.trim() } });
    }
  }
  return { competencies: competencies.length ? competencies : [...opts.competencies], difficulty };
}

/** The rubric an imported essay gets: one criterion, nothing / half / all of its points. */
export function defaultRubric(points: number): Rubric {
  return {
    criteria: [
      {
        id: 'c1',
        title: { kk: 'Жалпы баға', ru: 'Общая оценка', en: 'Overall' },
        levels: [
          {
            id: 'c1-l1',
            title: { kk: 'Орындалмаған', ru: 'Не выполнено', en: 'Not met' },
            points: 0,
          },
          {
            id: 'c1-l2',
            title: { kk: 'Ішінара орындалған', ru: 'Выполнено частично', en: 'Partly met' },
            points: points / 2,
          },
          {
            id: 'c1-l3',
            title: { kk: 'Толық орындалған', ru: 'Выполнено полностью', en: 'Fully met' },
            points,
            meets: true,
          },
        ],
      },
    ],
  };
}

function fail(rule: InterchangeRule, params?: Record<string, string | number>): Failure {
  return { ok: false, problem: params ? { rule, params } : { rule } };
}

function badFraction(values: number[]): Failure | null {
  const bad = values.find((f) => !Number.isFinite(f) || f < -1 - 1e-9 || f > 1 + 1e-9);
  return bad === undefined ? null : fail('item.bad-fraction', { value: fractionToPercent(bad) });
}

/** Turns a draft into an item definition, or says why the question cannot be imported. */
export function buildItem(draft: Draft, opts: ImportOptions, warnings: Note[]): Built {
  const prompt = draft.prompt.trim();
  if (!prompt) return fail('item.no-text');
  const lang = opts.lang;
  const t = (s: string): TranslatableText => ({ [lang]: s });
  let incorrect = draft.incorrect;

  let built: BuiltBody;
  const b = draft.body;
  switch (b.type) {
    case 'choice':
      built = buildChoice(b.choices, b.single, t);
      break;
    case 'true_false':
      built =
        b.answer === undefined
          ? fail('item.no-correct-answer')
          : { ok: true, body: { type: 'true_false', answer: b.answer } };
      break;
    case 'short_answer': {
      const r = buildShort(b.answers, warnings, t);
      if (!r.ok) return r;
      incorrect ||= r.catchAll;
      built = {
        ok: true,
        body: b.caseSensitive
          ? { type: 'short_answer', answers: r.answers, caseSensitive: true }
          : { type: 'short_answer', answers: r.answers },
      };
      break;
    }
    case 'numeric': {
      const r = buildNumeric(b.answers, warnings, t);
      if (!r.ok) return r;
      incorrect ||= r.catchAll;
      built = { ok: true, body: { type: 'numeric', answers: r.answers } };
      break;
    }
    case 'matching':
      built = buildMatching(b.pairs, t);
      break;
    case 'essay': {
      if (!b.exact) warnings.push({ rule: 'item.rubric-review' });
      const body: Omit<HandGradedItem, BaseKey> = {
        type: b.exact?.type ?? 'essay',
        rubric: b.exact?.rubric ?? defaultRubric(draft.points ?? 1),
      };
      if (b.exact?.maxLength !== undefined) body.maxLength = b.exact.maxLength;
      built = { ok: true, body };
      break;
    }
  }
  if (!built.ok) return built;

  const { competencies, difficulty } = readTags(draft.tags, opts, warnings);
  if (!competencies.length) return fail('item.no-competency');

  const feedback: ItemFeedback = {};
  const correctText = draft.correct ?? (b.type === 'true_false' ? b.rightFeedback : undefined);
  const incorrectText = incorrect ?? (b.type === 'true_false' ? b.wrongFeedback : undefined);
  const general = inLanguage(draft.general, lang);
  const correct = inLanguage(correctText, lang);
  const wrong = inLanguage(incorrectText, lang);
  if (correct) feedback.correct = correct;
  if (wrong) feedback.incorrect = wrong;
  if (general) feedback.general = general;

  const definition: ItemDefinition = { ...built.body, prompt: t(prompt), competencies, difficulty };
  if (draft.points !== undefined && draft.points !== 1) definition.points = draft.points;
  if (Object.keys(feedback).length) definition.feedback = feedback;
  return { ok: true, definition };
}

function option(
  c: DraftChoice,
  correct: boolean,
  t: (s: string) => TranslatableText,
): ChoiceOption {
  const o: ChoiceOption = { id: newChoiceId(), text: t(c.text.trim()) };
  if (correct) o.correct = true;
  const fb = c.feedback?.trim();
  if (fb) o.feedback = t(fb);
  return o;
}

function buildChoice(
  choices: DraftChoice[],
  single: boolean | undefined,
  t: (s: string) => TranslatableText,
): BuiltBody {
  if (choices.length < 2) return fail('item.too-few-options', { min: 2 });
  const empty = choices.findIndex((c) => !c.text.trim());
  if (empty >= 0) return fail('item.empty-answer', { position: empty + 1 });
  const bad = badFraction(choices.map((c) => c.fraction));
  if (bad) return bad;
  const positive = choices.filter((c) => c.fraction > EPS);
  if (!positive.length) return fail('item.no-correct-answer');
  const full = choices.some((c) => c.fraction >= 1 - EPS);
  const isSingle = single ?? full;

  if (isSingle) {
    if (!full) return fail('item.no-full-credit');
    // Fractions are kept when some answer earns part of the points or costs some, and when
    // several answers earn full points (without fractions, single choice has one correct option).
    const fullCount = choices.filter((c) => c.fraction >= 1 - EPS).length;
    const partial =
      fullCount > 1 || choices.some((c) => Math.abs(c.fraction) > EPS && c.fraction < 1 - EPS);
    const options = choices.map((c) => {
      const o = option(c, c.fraction >= 1 - EPS, t);
      if (partial) o.fraction = c.fraction;
      return o;
    });
    return { ok: true, body: { type: 'single', options } };
  }

  const even = positive.every((c) => Math.abs(c.fraction - positive[0].fraction) < EPS);
  const negative = choices.some((c) => c.fraction < -EPS);
  // Equal shares and no penalties is what `partial` computes anyway; anything else needs the
  // fractions themselves.
  const scoring = even && !negative ? 'partial' : 'fractions';
  // As Moodle: the right answers together are worth full marks (with a margin for 3 × 33.33%).
  const sum = positive.reduce((s, c) => s + c.fraction, 0);
  const off = scoring === 'fractions' ? Math.abs(sum - 1) : 1 - sum;
  if (off > SUM_TOLERANCE) return fail('item.fractions-sum', { sum: fractionToPercent(sum) });
  const options = choices.map((c) => {
    const o = option(c, c.fraction > EPS, t);
    if (scoring === 'fractions') o.fraction = c.fraction;
    return o;
  });
  return { ok: true, body: { type: 'multiple', options, scoring } };
}

type Answers<T> =
  { ok: true; answers: T[]; catchAll?: string } | { ok: false; problem: Note; definition?: never };

/**
 * Moodle keeps feedback for wrong answers as 0% answers; only `*` ("anything else") maps onto
 * our model, as the incorrect feedback. The rest are dropped with a warning.
 */
function splitWrong<T extends { raw: string; fraction: number; feedback?: string }>(
  answers: T[],
  warnings: Note[],
): { right: T[]; catchAll?: string } {
  const right: T[] = [];
  let catchAll: string | undefined;
  let dropped = 0;
  for (const a of answers) {
    if (a.fraction > EPS) right.push(a);
    else if (a.raw.trim() === '*' && a.feedback?.trim() && catchAll === undefined)
      catchAll = a.feedback.trim();
    else dropped++;
  }
  if (dropped) warnings.push({ rule: 'item.wrong-answers-dropped', params: { count: dropped } });
  return { right, catchAll };
}

function fullCredit(fractions: number[]): Failure | null {
  if (!fractions.length) return fail('item.no-correct-answer');
  return fractions.some((f) => f >= 1 - EPS) ? null : fail('item.no-full-credit');
}

function buildShort(
  answers: DraftChoice[],
  warnings: Note[],
  t: (s: string) => TranslatableText,
): Answers<AcceptedAnswer> {
  const empty = answers.findIndex((a) => !a.text.trim());
  if (empty >= 0)
    return { ok: false, problem: { rule: 'item.empty-answer', params: { position: empty + 1 } } };
  const bad = badFraction(answers.map((a) => a.fraction));
  if (bad && !bad.ok) return bad;
  const { right, catchAll } = splitWrong(
    answers.map((a) => ({ ...a, raw: a.text })),
    warnings,
  );
  const noFull = fullCredit(right.map((a) => a.fraction));
  if (noFull) return noFull;
  return {
    ok: true,
    catchAll,
    answers: right.map((a) => {
      const out: AcceptedAnswer = { text: a.text.trim() };
      if (a.fraction < 1 - EPS) out.fraction = a.fraction;
      const fb = a.feedback?.trim();
      if (fb) out.feedback = t(fb);
      return out;
    }),
  };
}

function buildNumeric(
  answers: DraftNumber[],
  warnings: Note[],
  t: (s: string) => TranslatableText,
): Answers<NumericAnswer> {
  const bad = badFraction(answers.map((a) => a.fraction));
  if (bad) return bad;
  const { right, catchAll } = splitWrong(answers, warnings);
  for (const a of right) {
    if (!Number.isFinite(a.value)) return fail('item.bad-number', { value: a.raw });
    if (!Number.isFinite(a.tolerance) || a.tolerance < 0) {
      return fail('item.bad-number', { value: a.rawTolerance });
    }
  }
  const noFull = fullCredit(right.map((a) => a.fraction));
  if (noFull) return noFull;
  return {
    ok: true,
    catchAll,
    answers: right.map((a) => {
      const out: NumericAnswer = { value: a.value };
      if (a.tolerance > 0) out.tolerance = a.tolerance;
      if (a.fraction < 1 - EPS) out.fraction = a.fraction;
      const fb = a.feedback?.trim();
      if (fb) out.feedback = t(fb);
      return out;
    }),
  };
}

function buildMatching(
  raw: { left: string; right: string }[],
  t: (s: string) => TranslatableText,
): BuiltBody {
  const pairs: MatchingPair[] = [];
  const rights = new Set<string>();
  const distractorTexts: string[] = [];
  for (const [i, p] of raw.entries()) {
    const left = p.left.trim();
    const right = p.right.trim();
    if (!left) {
      if (right) distractorTexts.push(right);
      continue;
    }
    if (!right) return fail('item.empty-answer', { position: i + 1 });
    // Moodle lets stems share an answer; here each stem has its own right-hand choice, and two
    // choices with the same text could not be told apart.
    if (rights.has(right)) return fail('item.matching-shared-answer', { answer: right });
    rights.add(right);
    pairs.push({
      left: { id: newChoiceId(), text: t(left) },
      right: { id: newChoiceId(), text: t(right) },
    });
  }
  if (pairs.length < 2) return fail('item.matching-too-few');
  const distractors: TextChoice[] = [];
  for (const d of distractorTexts) {
    if (rights.has(d)) continue;
    rights.add(d);
    distractors.push({ id: newChoiceId(), text: t(d) });
  }
  // Moodle gives a point share per right pair.
  return {
    ok: true,
    body: distractors.length
      ? { type: 'matching', pairs, distractors, scoring: 'partial' }
      : { type: 'matching', pairs, scoring: 'partial' },
  };
}
