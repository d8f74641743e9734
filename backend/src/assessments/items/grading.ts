import type {
  ChoiceOption,
  HandGradedItem,
  ItemDefinition,
  ItemResponse,
  Lang,
  MatchingItem,
  MultipleChoiceItem,
  NumericItem,
  OrderingItem,
  ShortAnswerItem,
  SingleChoiceItem,
  TranslatableText,
} from '@qadam/contracts';
import { pickText } from '../../courses/text';
import { DEFAULT_MAX_LENGTH, FRACTION_SUM_TOLERANCE, rubricMaxPoints } from './item-schema';
import { matchesAccepted, normaliseAnswer, parseNumber } from './normalise';

/** Longest short answer accepted, in characters. */
export const SHORT_ANSWER_MAX_LENGTH = 1_000;

type Messages = Record<Lang, string>;
type Params = Record<string, string | number>;

/** Messages per rule of `responseProblem`, with `{param}` placeholders. */
export const RESPONSE_RULE_MESSAGES = {
  'response.wrong-type': {
    kk: 'Жауаптың пішіні бұл сұрақтың түріне сәйкес келмейді',
    ru: 'Форма ответа не подходит для этого типа вопроса',
    en: 'The answer does not have the shape this kind of question takes',
  },
  'response.unknown-option': {
    kk: 'Бұл сұрақта «{id}» нұсқасы жоқ',
    ru: 'В этом вопросе нет варианта «{id}»',
    en: 'This question has no option "{id}"',
  },
  'response.duplicate-option': {
    kk: '«{id}» нұсқасы бірнеше рет таңдалған',
    ru: 'Вариант «{id}» выбран больше одного раза',
    en: 'The option "{id}" is chosen more than once',
  },
  'response.unknown-stem': {
    kk: 'Бұл сұрақтың сол жақ бағанында «{id}» элементі жоқ',
    ru: 'В левом столбце этого вопроса нет элемента «{id}»',
    en: 'The left-hand column of this question has no entry "{id}"',
  },
  'response.unknown-choice': {
    kk: 'Бұл сұрақтың оң жақ бағанында «{id}» элементі жоқ',
    ru: 'В правом столбце этого вопроса нет элемента «{id}»',
    en: 'The right-hand column of this question has no entry "{id}"',
  },
  'response.not-permutation': {
    kk: 'Барлық элемент әрқайсысы бір реттен ретімен берілуі керек',
    ru: 'Нужно указать порядок всех элементов, каждый ровно один раз',
    en: 'Every piece must be placed, each exactly once',
  },
  'response.too-long': {
    kk: 'Жауап тым ұзын: ең көбі {max} таңба',
    ru: 'Ответ слишком длинный: не больше {max} символов',
    en: 'The answer is too long: at most {max} characters',
  },
  'response.not-number': {
    kk: 'Жауап сан түрінде болуы керек, мысалы: 3,5 немесе -12',
    ru: 'Ответ должен быть числом, например 3,5 или -12',
    en: 'The answer must be a number, e.g. 3.5 or -12',
  },
} satisfies Record<string, Messages>;

export type ResponseRule = keyof typeof RESPONSE_RULE_MESSAGES;

export interface ResponseProblem {
  rule: ResponseRule;
  params?: Params;
}

/** Messages per rule of `scoreRubric`, with `{param}` placeholders. */
export const RUBRIC_RULE_MESSAGES = {
  'rubric.missing-criterion': {
    kk: '«{criterion}» критерийі бойынша деңгей таңдалмаған',
    ru: 'Не выбран уровень по критерию «{criterion}»',
    en: 'No level is chosen for the criterion "{criterion}"',
  },
  'rubric.unknown-criterion': {
    kk: 'Рубрикада «{criterion}» критерийі жоқ',
    ru: 'В рубрике нет критерия «{criterion}»',
    en: 'The rubric has no criterion "{criterion}"',
  },
  'rubric.unknown-level': {
    kk: '«{criterion}» критерийінде «{level}» деңгейі жоқ',
    ru: 'У критерия «{criterion}» нет уровня «{level}»',
    en: 'The criterion "{criterion}" has no level "{level}"',
  },
} satisfies Record<string, Messages>;

export type RubricRule = keyof typeof RUBRIC_RULE_MESSAGES;

export type RubricScore =
  | { fraction: number; problem?: undefined }
  | { fraction?: undefined; problem: { rule: RubricRule; params: Params } };

export interface ObjectiveGrade {
  /** Share of the item's points, 0..1, rounded to 4 decimals. */
  fraction: number;
  /** Full marks. */
  correct: boolean;
}

// ---- Response shapes --------------------------------------------------------------------------

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const charCount = (s: string) => Array.from(s).length;

/** Pair rights and distractors: one column, one set of ids. */
export function rightColumnIds(def: MatchingItem): string[] {
  return [...def.pairs.map((p) => p.right.id), ...(def.distractors ?? []).map((d) => d.id)];
}

function textProblem(response: unknown, max: number): ResponseProblem | null {
  if (typeof response !== 'string') return { rule: 'response.wrong-type' };
  return charCount(response) > max ? { rule: 'response.too-long', params: { max } } : null;
}

/**
 * What is wrong with a response's shape for the item, or null when it can be saved: ids must be
 * the item's, multiple choice ids unique, an ordering a full permutation, numbers parseable,
 * texts within their limit. `null` (and a missing response) always fits: it clears the answer.
 */
export function responseProblem(def: ItemDefinition, response: unknown): ResponseProblem | null {
  if (response === null || response === undefined) return null;
  switch (def.type) {
    case 'single': {
      if (typeof response !== 'string') return { rule: 'response.wrong-type' };
      return def.options.some((o) => o.id === response)
        ? null
        : { rule: 'response.unknown-option', params: { id: response } };
    }
    case 'multiple': {
      if (!Array.isArray(response)) return { rule: 'response.wrong-type' };
      const ids = new Set(def.options.map((o) => o.id));
      const seen = new Set<string>();
      for (const id of response as unknown[]) {
        if (typeof id !== 'string') return { rule: 'response.wrong-type' };
        if (!ids.has(id)) return { rule: 'response.unknown-option', params: { id } };
        if (seen.has(id)) return { rule: 'response.duplicate-option', params: { id } };
        seen.add(id);
      }
      return null;
    }
    case 'true_false':
      return typeof response === 'boolean' ? null : { rule: 'response.wrong-type' };
    case 'matching': {
      if (!isPlainRecord(response)) return { rule: 'response.wrong-type' };
      const stems = new Set(def.pairs.map((p) => p.left.id));
      const choices = new Set(rightColumnIds(def));
      // Stems left out are unanswered; one choice may serve several stems, as in a drop-down.
      for (const [stem, choice] of Object.entries(response)) {
        if (!stems.has(stem)) return { rule: 'response.unknown-stem', params: { id: stem } };
        if (typeof choice !== 'string') return { rule: 'response.wrong-type' };
        if (!choices.has(choice))
          return { rule: 'response.unknown-choice', params: { id: choice } };
      }
      return null;
    }
    case 'ordering': {
      if (!Array.isArray(response)) return { rule: 'response.wrong-type' };
      if (response.some((id) => typeof id !== 'string')) return { rule: 'response.wrong-type' };
      const ids = new Set(def.sequence.map((s) => s.id));
      const given = new Set(response as string[]);
      const permutation =
        response.length === ids.size &&
        given.size === response.length &&
        [...given].every((id) => ids.has(id));
      return permutation ? null : { rule: 'response.not-permutation' };
    }
    case 'short_answer':
      return textProblem(response, SHORT_ANSWER_MAX_LENGTH);
    case 'numeric':
      if (typeof response !== 'number' && typeof response !== 'string') {
        return { rule: 'response.wrong-type' };
      }
      return parseNumber(response) === null ? { rule: 'response.not-number' } : null;
    case 'essay':
    case 'task':
      return textProblem(response, def.maxLength ?? DEFAULT_MAX_LENGTH);
  }
}

// ---- Objective grading ------------------------------------------------------------------------

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Single choice with partial credit reads fractions; an option without one counts by its flag. */
const usesFractions = (def: SingleChoiceItem) =>
  def.options.some((o) => typeof o.fraction === 'number');
const optionFraction = (o: ChoiceOption) => o.fraction ?? (o.correct ? 1 : 0);

function gradeSingle(def: SingleChoiceItem, response: string): number {
  const chosen = def.options.find((o) => o.id === response);
  if (!chosen) return 0;
  if (usesFractions(def)) return clamp01(optionFraction(chosen));
  return chosen.correct === true ? 1 : 0;
}

function gradeMultiple(def: MultipleChoiceItem, response: string[]): number {
  const chosen = new Set(response);
  const scoring = def.scoring ?? 'partial';
  if (scoring === 'fractions') {
    const sum = def.options.reduce((s, o) => s + (chosen.has(o.id) ? (o.fraction ?? 0) : 0), 0);
    // Authors write thirds as 0.33: scale a near-1 total to exactly 1, so the full set scores 1.
    const positive = def.options.reduce((s, o) => s + Math.max(0, o.fraction ?? 0), 0);
    const scale = Math.abs(positive - 1) <= FRACTION_SUM_TOLERANCE + 1e-9 ? positive : 1;
    return clamp01(sum / scale);
  }
  const correct = def.options.filter((o) => o.correct === true);
  if (correct.length === 0) return 0;
  const right = correct.filter((o) => chosen.has(o.id)).length;
  const wrong = def.options.filter((o) => o.correct !== true && chosen.has(o.id)).length;
  if (scoring === 'all_or_nothing') return right === correct.length && wrong === 0 ? 1 : 0;
  return Math.max(0, (right - wrong) / correct.length);
}

function gradeMatching(def: MatchingItem, response: Record<string, string>): number {
  if (def.pairs.length === 0) return 0;
  const matched = def.pairs.filter((p) => response[p.left.id] === p.right.id).length;
  if (def.scoring === 'all_or_nothing') return matched === def.pairs.length ? 1 : 0;
  return matched / def.pairs.length;
}

function gradeOrdering(def: OrderingItem, response: string[]): number {
  const n = def.sequence.length;
  const position = new Map(def.sequence.map((s, i) => [s.id, i]));
  let adjacent = 0;
  for (let i = 0; i + 1 < response.length; i++) {
    if (position.get(response[i + 1]) === (position.get(response[i]) ?? -2) + 1) adjacent++;
  }
  // A single piece is trivially in order (checkItem asks for two).
  if (n < 2) return 1;
  if (def.scoring === 'all_or_nothing') return adjacent === n - 1 ? 1 : 0;
  return adjacent / (n - 1);
}

/** The accepted answer giving the best fraction, or null when none matches. */
function bestShortAnswer(
  def: ShortAnswerItem,
  response: string,
): { index: number; fraction: number } | null {
  // A blank response is unanswered, even against a pattern of just `*`.
  if (normaliseAnswer(response, def.caseSensitive ?? false) === '') return null;
  let best: { index: number; fraction: number } | null = null;
  for (const [index, a] of def.answers.entries()) {
    const fraction = a.fraction ?? 1;
    if (best && fraction <= best.fraction) continue;
    if (matchesAccepted(a.text, response, def.caseSensitive ?? false)) best = { index, fraction };
  }
  return best;
}

function bestNumericAnswer(
  def: NumericItem,
  response: number | string,
): { index: number; fraction: number } | null {
  const x = parseNumber(response);
  if (x === null) return null;
  let best: { index: number; fraction: number } | null = null;
  for (const [index, a] of def.answers.entries()) {
    const fraction = a.fraction ?? 1;
    if (best && fraction <= best.fraction) continue;
    // 0.1 + 0.2 must be within a tolerance of 0 of 0.3: allow float error, relative to the value.
    const epsilon = 1e-9 * Math.max(1, Math.abs(a.value));
    if (Math.abs(x - a.value) <= (a.tolerance ?? 0) + epsilon) best = { index, fraction };
  }
  return best;
}

/** Essays and tasks; a type guard, since TS does not narrow on the two-valued discriminant. */
export function isHandGraded(def: ItemDefinition): def is HandGradedItem {
  return def.type === 'essay' || def.type === 'task';
}

/**
 * The grade of an objective item for a response; null for essays and tasks, which a person
 * grades. No answer, or one of the wrong shape, scores 0.
 */
export function gradeObjective(def: ItemDefinition, response: unknown): ObjectiveGrade | null {
  if (isHandGraded(def)) return null;
  const fraction =
    response === null || response === undefined || responseProblem(def, response) !== null
      ? 0
      : round4(clamp01(rawFraction(def, response as NonNullable<ItemResponse>)));
  return { fraction, correct: fraction === 1 };
}

/** The response has passed `responseProblem` for the item's type. */
function rawFraction(
  def: Exclude<ItemDefinition, HandGradedItem>,
  response: NonNullable<ItemResponse>,
): number {
  switch (def.type) {
    case 'single':
      return gradeSingle(def, response as string);
    case 'multiple':
      return gradeMultiple(def, response as string[]);
    case 'true_false':
      return response === def.answer ? 1 : 0;
    case 'matching':
      return gradeMatching(def, response as Record<string, string>);
    case 'ordering':
      return gradeOrdering(def, response as string[]);
    case 'short_answer':
      return bestShortAnswer(def, response as string)?.fraction ?? 0;
    case 'numeric':
      return bestNumericAnswer(def, response as number | string)?.fraction ?? 0;
  }
}

// ---- Rubrics ----------------------------------------------------------------------------------

/**
 * The share of a hand-graded item's points for one level per criterion: the chosen levels'
 * points over the rubric's best total. Every criterion needs a level; a problem is returned, not
 * thrown, so a grader gets a field error.
 */
export function scoreRubric(def: HandGradedItem, levels: Record<string, string>): RubricScore {
  const criteria = def.rubric.criteria;
  const known = new Set(criteria.map((c) => c.id));
  for (const criterion of Object.keys(levels)) {
    if (!known.has(criterion)) {
      return { problem: { rule: 'rubric.unknown-criterion', params: { criterion } } };
    }
  }
  let points = 0;
  for (const c of criteria) {
    const chosen = levels[c.id];
    if (typeof chosen !== 'string') {
      return { problem: { rule: 'rubric.missing-criterion', params: { criterion: c.id } } };
    }
    const level = c.levels.find((l) => l.id === chosen);
    if (!level) {
      return {
        problem: { rule: 'rubric.unknown-level', params: { criterion: c.id, level: chosen } },
      };
    }
    points += level.points;
  }
  const max = rubricMaxPoints(criteria);
  // Not rounded: a rubric's share times its points must give back the points chosen exactly.
  return { fraction: max > 0 ? clamp01(points / max) : 0 };
}

// ---- Review -----------------------------------------------------------------------------------

/**
 * The key expressed as a response, for the review: the correct option(s), the pairs, the
 * sequence, the first full-credit answer. Null for essays and tasks, which have no single key.
 */
export function correctResponse(def: ItemDefinition): ItemResponse | null {
  switch (def.type) {
    case 'single': {
      const best = usesFractions(def)
        ? def.options.find((o) => optionFraction(o) === 1)
        : def.options.find((o) => o.correct === true);
      return best?.id ?? null;
    }
    case 'multiple':
      return def.options
        .filter((o) => (def.scoring === 'fractions' ? (o.fraction ?? 0) > 0 : o.correct === true))
        .map((o) => o.id);
    case 'true_false':
      return def.answer;
    case 'matching':
      return Object.fromEntries(def.pairs.map((p) => [p.left.id, p.right.id]));
    case 'ordering':
      return def.sequence.map((s) => s.id);
    case 'short_answer':
      return def.answers.find((a) => (a.fraction ?? 1) === 1)?.text ?? null;
    case 'numeric':
      return def.answers.find((a) => (a.fraction ?? 1) === 1)?.value ?? null;
    case 'essay':
    case 'task':
      return null;
  }
}

/** The feedback the response earned itself: the chosen options' or the matched answer's. */
function specificFeedback(def: ItemDefinition, response: unknown): TranslatableText[] {
  if (response === null || response === undefined || responseProblem(def, response) !== null) {
    return [];
  }
  const present = (t: TranslatableText | undefined): t is TranslatableText => !!t;
  switch (def.type) {
    case 'single':
      return [def.options.find((o) => o.id === response)?.feedback].filter(present);
    case 'multiple': {
      const chosen = new Set(response as string[]);
      return def.options
        .filter((o) => chosen.has(o.id))
        .map((o) => o.feedback)
        .filter(present);
    }
    case 'short_answer': {
      const best = bestShortAnswer(def, response as string);
      return [best ? def.answers[best.index].feedback : undefined].filter(present);
    }
    case 'numeric': {
      const best = bestNumericAnswer(def, response as number | string);
      return [best ? def.answers[best.index].feedback : undefined].filter(present);
    }
    default:
      return [];
  }
}

/**
 * The feedback for a graded response in the reader's language: the chosen option's or matched
 * answer's feedback, else the item's correct/incorrect feedback (by `fraction`; none while
 * ungraded), then the general feedback; joined by a blank line. Undefined when there is none.
 */
export function itemFeedback(
  def: ItemDefinition,
  response: unknown,
  fraction: number | null,
  lang: Lang,
): string | undefined {
  const texts = (list: (TranslatableText | undefined)[]) =>
    list.map((t) => pickText(t, lang).trim()).filter((t) => t !== '');
  let parts = texts(specificFeedback(def, response));
  if (parts.length === 0 && fraction !== null) {
    parts = texts([fraction === 1 ? def.feedback?.correct : def.feedback?.incorrect]);
  }
  parts.push(...texts([def.feedback?.general]));
  return parts.length ? parts.join('\n\n') : undefined;
}
