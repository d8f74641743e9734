import type {
  Difficulty,
  ItemDefinition,
  ItemFeedback,
  ItemType,
  Lang,
  MultipleScoring,
  StructureScoring,
  TranslatableText,
} from '@qadam/contracts';

/**
 * The item editor's form: every text in all three languages as plain strings, numbers as typed.
 * It holds the fields of every type at once, so switching the type loses nothing; `toDefinition`
 * keeps only what the chosen type has. Rows keep the ids of a loaded item (teachers' answers refer
 * to them); new rows have none and the server gives them.
 */
export type Texts = Record<Lang, string>;

export interface DraftOption {
  id?: string;
  text: Texts;
  correct: boolean;
  /** Percent of the points, -100..100; empty for none. */
  fraction: string;
  feedback: Texts;
}
export interface DraftChoice {
  id?: string;
  text: Texts;
}
export interface DraftPair {
  left: DraftChoice;
  right: DraftChoice;
}
export interface DraftAnswer {
  text: string;
  fraction: string;
  feedback: Texts;
}
export interface DraftNumeric {
  value: string;
  tolerance: string;
  fraction: string;
  feedback: Texts;
}
export interface DraftLevel {
  id?: string;
  title: Texts;
  points: string;
  meets: boolean;
}
export interface DraftCriterion {
  id?: string;
  title: Texts;
  competencies: string[];
  levels: DraftLevel[];
}

export interface Draft {
  key: string;
  type: ItemType;
  prompt: Texts;
  competencies: string[];
  difficulty: Difficulty;
  points: string;
  feedback: { general: Texts; correct: Texts; incorrect: Texts };
  options: DraftOption[];
  scoring: MultipleScoring;
  answer: boolean;
  pairs: DraftPair[];
  distractors: DraftChoice[];
  structureScoring: StructureScoring;
  sequence: DraftChoice[];
  answers: DraftAnswer[];
  caseSensitive: boolean;
  numeric: DraftNumeric[];
  rubric: DraftCriterion[];
  maxLength: string;
}

export const LANG_CODES: readonly Lang[] = ['kk', 'ru', 'en'];
export const ITEM_TYPES: readonly ItemType[] = [
  'single',
  'multiple',
  'true_false',
  'matching',
  'ordering',
  'short_answer',
  'numeric',
  'essay',
  'task',
];
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];

export const noTexts = (): Texts => ({ kk: '', ru: '', en: '' });
export const texts = (t: TranslatableText | undefined): Texts => ({
  kk: t?.kk ?? '',
  ru: t?.ru ?? '',
  en: t?.en ?? '',
});

export const newOption = (): DraftOption => ({
  text: noTexts(),
  correct: false,
  fraction: '',
  feedback: noTexts(),
});
export const newChoice = (): DraftChoice => ({ text: noTexts() });
export const newPair = (): DraftPair => ({ left: newChoice(), right: newChoice() });
export const newAnswer = (): DraftAnswer => ({ text: '', fraction: '', feedback: noTexts() });
export const newNumeric = (): DraftNumeric => ({
  value: '',
  tolerance: '',
  fraction: '',
  feedback: noTexts(),
});
export const newLevel = (points = 0, meets = false): DraftLevel => ({
  title: noTexts(),
  points: String(points),
  meets,
});
export const newCriterion = (): DraftCriterion => ({
  title: noTexts(),
  competencies: [],
  levels: [newLevel(0), newLevel(1, true)],
});

/** A new item: single choice with two empty options, and a starting shape for every other type. */
export function emptyDraft(): Draft {
  return {
    key: '',
    type: 'single',
    prompt: noTexts(),
    competencies: [],
    difficulty: 'medium',
    points: '',
    feedback: { general: noTexts(), correct: noTexts(), incorrect: noTexts() },
    options: [newOption(), newOption()],
    scoring: 'all_or_nothing',
    answer: true,
    pairs: [newPair(), newPair()],
    distractors: [],
    structureScoring: 'all_or_nothing',
    sequence: [newChoice(), newChoice()],
    answers: [newAnswer()],
    caseSensitive: false,
    numeric: [newNumeric()],
    rubric: [newCriterion()],
    maxLength: '',
  };
}

// ---- Form → definition ----------------------------------------------------------------------

/** The languages that have text; `{}` when none has (the server names the empty field). */
export function translatable(t: Texts): TranslatableText {
  const out: TranslatableText = {};
  for (const l of LANG_CODES) if (t[l].trim()) out[l] = t[l].trim();
  return out;
}
const optionalText = (t: Texts): TranslatableText | undefined => {
  const out = translatable(t);
  return Object.keys(out).length ? out : undefined;
};

/**
 * A typed number, or the text as typed when it is not one, so the server names the field rather
 * than the form dropping it silently.
 */
function num(s: string): number | string | undefined {
  const v = s.trim().replace(',', '.');
  if (v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : s;
}
/** A percent typed by the author as the API's share (50 → 0.5). */
function share(s: string): number | string | undefined {
  const n = num(s);
  return typeof n === 'number' ? Math.round(n * 1e4) / 1e6 : n;
}
/** The API's share as a percent for the form (0.5 → "50"). */
const percent = (f: number | undefined): string =>
  f === undefined ? '' : String(Math.round(f * 1e6) / 1e4);

/** An object without its undefined members, so the JSON sent is exactly what the form holds. */
function clean<T extends object>(o: T): Clean<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Clean<T>;
}
/** `T` with its possibly-undefined members optional instead (exactOptionalPropertyTypes). */
type Clean<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};
const choice = (c: DraftChoice) => clean({ id: c.id, text: translatable(c.text) });

/**
 * Rows of a new item carry no id, which the contract's types require but the API accepts (the
 * server gives ids: item-schema.ts, assignIds), hence the cast.
 */
const item = (x: object) => x as ItemDefinition;

/** The definition the API takes, for the draft's type only. */
export function toDefinition(d: Draft): ItemDefinition {
  const feedback: ItemFeedback = clean({
    general: optionalText(d.feedback.general),
    correct: optionalText(d.feedback.correct),
    incorrect: optionalText(d.feedback.incorrect),
  });
  const base = clean({
    prompt: translatable(d.prompt),
    competencies: [...d.competencies],
    difficulty: d.difficulty,
    points: num(d.points) as number | undefined,
    feedback: Object.keys(feedback).length ? feedback : undefined,
  });
  const withFractions = d.type === 'single' || d.scoring === 'fractions';
  const options = () =>
    d.options.map((o) =>
      clean({
        id: o.id,
        text: translatable(o.text),
        correct: o.correct ? true : undefined,
        fraction: withFractions ? (share(o.fraction) as number | undefined) : undefined,
        feedback: optionalText(o.feedback),
      }),
    );
  switch (d.type) {
    case 'single':
      return item({ type: 'single', ...base, options: options() });
    case 'multiple':
      return item({ type: 'multiple', ...base, options: options(), scoring: d.scoring });
    case 'true_false':
      return item({ type: 'true_false', ...base, answer: d.answer });
    case 'matching':
      return item(
        clean({
          type: 'matching' as const,
          ...base,
          pairs: d.pairs.map((p) => ({ left: choice(p.left), right: choice(p.right) })),
          distractors: d.distractors.length ? d.distractors.map(choice) : undefined,
          scoring: d.structureScoring,
        }),
      );
    case 'ordering':
      return item({
        type: 'ordering',
        ...base,
        sequence: d.sequence.map(choice),
        scoring: d.structureScoring,
      });
    case 'short_answer':
      return item(
        clean({
          type: 'short_answer' as const,
          ...base,
          answers: d.answers.map((a) =>
            clean({
              text: a.text.trim(),
              fraction: share(a.fraction) as number | undefined,
              feedback: optionalText(a.feedback),
            }),
          ),
          caseSensitive: d.caseSensitive ? true : undefined,
        }),
      );
    case 'numeric':
      return item({
        type: 'numeric',
        ...base,
        answers: d.numeric.map((a) =>
          clean({
            value: num(a.value) as number,
            tolerance: num(a.tolerance) as number | undefined,
            fraction: share(a.fraction) as number | undefined,
            feedback: optionalText(a.feedback),
          }),
        ),
      });
    case 'essay':
    case 'task':
      return item(
        clean({
          type: d.type,
          ...base,
          rubric: {
            criteria: d.rubric.map((c) =>
              clean({
                id: c.id,
                title: translatable(c.title),
                competencies: c.competencies.length ? [...c.competencies] : undefined,
                levels: c.levels.map((l) =>
                  clean({
                    id: l.id,
                    title: translatable(l.title),
                    points: num(l.points) as number,
                    meets: l.meets ? true : undefined,
                  }),
                ),
              }),
            ),
          },
          maxLength: num(d.maxLength) as number | undefined,
        }),
      );
  }
}

// ---- Definition → form ----------------------------------------------------------------------

/** A stored item back in the form; the other types keep their starting shapes. */
export function fromDefinition(def: ItemDefinition, key: string | null = null): Draft {
  const d = emptyDraft();
  d.key = key ?? '';
  d.type = def.type;
  d.prompt = texts(def.prompt);
  d.competencies = [...(def.competencies ?? [])];
  d.difficulty = def.difficulty;
  d.points = def.points === undefined ? '' : String(def.points);
  d.feedback = {
    general: texts(def.feedback?.general),
    correct: texts(def.feedback?.correct),
    incorrect: texts(def.feedback?.incorrect),
  };
  const row = (c: { id?: string; text: TranslatableText }): DraftChoice =>
    clean({ id: c.id, text: texts(c.text) });
  switch (def.type) {
    case 'single':
    case 'multiple':
      d.options = def.options.map((o) =>
        clean({
          id: o.id,
          text: texts(o.text),
          correct: o.correct === true,
          fraction: percent(o.fraction),
          feedback: texts(o.feedback),
        }),
      );
      if (def.type === 'multiple') d.scoring = def.scoring ?? 'all_or_nothing';
      break;
    case 'true_false':
      d.answer = def.answer;
      break;
    case 'matching':
      d.pairs = def.pairs.map((p) => ({ left: row(p.left), right: row(p.right) }));
      d.distractors = (def.distractors ?? []).map(row);
      d.structureScoring = def.scoring ?? 'all_or_nothing';
      break;
    case 'ordering':
      d.sequence = def.sequence.map(row);
      d.structureScoring = def.scoring ?? 'all_or_nothing';
      break;
    case 'short_answer':
      d.answers = def.answers.map((a) => ({
        text: a.text,
        fraction: percent(a.fraction),
        feedback: texts(a.feedback),
      }));
      d.caseSensitive = def.caseSensitive === true;
      break;
    case 'numeric':
      d.numeric = def.answers.map((a) => ({
        value: String(a.value),
        tolerance: a.tolerance === undefined ? '' : String(a.tolerance),
        fraction: percent(a.fraction),
        feedback: texts(a.feedback),
      }));
      break;
    case 'essay':
    case 'task':
      d.rubric = def.rubric.criteria.map((c) =>
        clean({
          id: c.id,
          title: texts(c.title),
          competencies: [...(c.competencies ?? [])],
          levels: c.levels.map((l) =>
            clean({ id: l.id, title: texts(l.title), points: String(l.points), meets: !!l.meets }),
          ),
        }),
      );
      d.maxLength = def.maxLength === undefined ? '' : String(def.maxLength);
      break;
  }
  return d;
}

/** The languages a draft has any text in, for the editor to show at least those. */
export function draftLangs(d: Draft): Lang[] {
  return LANG_CODES.filter((l) => hasLang(d, l));
}
function hasLang(value: unknown, l: Lang): boolean {
  if (!value || typeof value !== 'object') return false;
  const o = value as Record<string, unknown>;
  if (typeof o[l] === 'string' && (o[l] as string).trim() !== '') return true;
  return Object.values(o).some((v) => hasLang(v, l));
}

// ---- Lists ------------------------------------------------------------------------------------

export const replaceAt = <T>(list: readonly T[], i: number, value: T): T[] =>
  list.map((x, j) => (j === i ? value : x));
export const removeAt = <T>(list: readonly T[], i: number): T[] => list.filter((_, j) => j !== i);
export function moveBy<T>(list: readonly T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (j < 0 || j >= list.length) return [...list];
  const copy = [...list];
  [copy[i], copy[j]] = [copy[j], copy[i]];
  return copy;
}

// ---- The API's field problems -----------------------------------------------------------------

/** Field problems keyed as the item's own paths (`options[1].text`), without `definition.`. */
export function itemProblems(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [f, p] of Object.entries(fields)) {
    const path = f === 'definition' ? '' : f.replace(/^definition\./, '');
    out[path] = out[path] ? `${out[path]} ${p}` : p;
  }
  return out;
}

/** Problems at `path` or under it (`options[1]` takes `options[1].text.ru`). */
export function problemsAt(
  problems: Record<string, string>,
  path: string,
  exact = false,
): string[] {
  return Object.entries(problems)
    .filter(
      ([f]) => f === path || (!exact && (f.startsWith(`${path}.`) || f.startsWith(`${path}[`))),
    )
    .map(([, p]) => p);
}

/** The form's own top-level fields, so problems elsewhere are shown above the form. */
const KNOWN_FIELDS =
  /^(key|prompt|competencies|difficulty|points|feedback|options|scoring|answer|pairs|distractors|sequence|answers|caseSensitive|rubric|maxLength)\b/;
export function otherProblems(problems: Record<string, string>): string[] {
  return Object.entries(problems)
    .filter(([f]) => !KNOWN_FIELDS.test(f))
    .map(([, p]) => p);
}
