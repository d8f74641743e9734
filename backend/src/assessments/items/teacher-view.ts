import { createHash } from 'node:crypto';
import type {
  AttemptItemView,
  ItemDefinition,
  Lang,
  TextChoice,
  TranslatableText,
} from '@qadam/contracts';
import { pickText } from '../../courses/text';
import { DEFAULT_MAX_LENGTH, itemMaxPoints } from './item-schema';

/**
 * The order an attempt shows an item's choices in, fixed when the attempt starts: `options` for
 * single and multiple choice (the right-hand column for matching, the pieces for ordering),
 * `stems` for matching's left-hand column. Ids only, so it can be stored with the attempt.
 */
export interface Presentation {
  options?: string[];
  stems?: string[];
}

/**
 * A small deterministic PRNG (sfc32) seeded from SHA-256 of the seed, so an attempt's shuffles
 * and draws can be reproduced from the attempt's seed alone. Not for secrets.
 */
export function seededRandom(seed: string): () => number {
  const h = createHash('sha256').update(seed).digest();
  let a = h.readInt32LE(0);
  let b = h.readInt32LE(4);
  let c = h.readInt32LE(8);
  let d = h.readInt32LE(12);
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs still echo the seed words; discard them as sfc32's authors advise.
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** Fisher–Yates on a copy. */
export function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const sameOrder = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Chooses the order of an item's choices. Options are shuffled only when the test asks for it;
 * matching's right-hand column is always shuffled (in the author's order it would line up with
 * the stems), and ordering pieces are always shuffled and never shown already in order.
 */
export function makePresentation(
  def: ItemDefinition,
  random: () => number,
  shuffleOptions: boolean,
): Presentation {
  switch (def.type) {
    case 'single':
    case 'multiple': {
      const ids = def.options.map((o) => o.id);
      return { options: shuffleOptions ? shuffle(ids, random) : ids };
    }
    case 'matching':
      return {
        stems: def.pairs.map((p) => p.left.id),
        options: shuffle(
          [...def.pairs.map((p) => p.right.id), ...(def.distractors ?? []).map((d) => d.id)],
          random,
        ),
      };
    case 'ordering': {
      const ids = def.sequence.map((s) => s.id);
      if (ids.length < 2) return { options: ids };
      // Redraw a few times, then rotate: a fixed bound even if `random` is degenerate.
      for (let i = 0; i < 8; i++) {
        const order = shuffle(ids, random);
        if (!sameOrder(order, ids)) return { options: order };
      }
      return { options: [...ids.slice(1), ids[0]] };
    }
    default:
      return {};
  }
}

/** Entries in the presented order; any the presentation lacks (it never should) follow. */
function inOrder<T extends { id: string }>(entries: readonly T[], order: readonly string[]): T[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const first = order.flatMap((id) => {
    const e = byId.get(id);
    return e ? [e] : [];
  });
  const shown = new Set(first.map((e) => e.id));
  return [...first, ...entries.filter((e) => !shown.has(e.id))];
}

const choiceView = (c: TextChoice, lang: Lang) => ({ id: c.id, text: pickText(c.text, lang) });

/**
 * An item as a teacher taking the test sees it, built field by field so nothing of the key
 * (correct flags, fractions, answers, pairs, the sequence's order, scoring, feedback) can leak.
 * Where an order would give the key away and the presentation has none, a shuffle seeded by the
 * item's id stands in.
 */
export function teacherItemView(
  def: ItemDefinition,
  id: string,
  presentation: Presentation,
  lang: Lang,
  section: string,
): AttemptItemView {
  const view: AttemptItemView = {
    id,
    type: def.type,
    prompt: pickText(def.prompt, lang),
    points: itemMaxPoints(def),
    section,
  };
  const fallback = () => makePresentation(def, seededRandom(`presentation:${id}`), false);
  switch (def.type) {
    case 'single':
    case 'multiple':
      view.options = inOrder(def.options, presentation.options ?? def.options.map((o) => o.id)).map(
        (o) => choiceView(o, lang),
      );
      break;
    case 'matching': {
      const stems = def.pairs.map((p) => p.left);
      const column = [...def.pairs.map((p) => p.right), ...(def.distractors ?? [])];
      view.stems = inOrder(stems, presentation.stems ?? stems.map((s) => s.id)).map((s) =>
        choiceView(s, lang),
      );
      view.options = inOrder(column, presentation.options ?? fallback().options ?? []).map((c) =>
        choiceView(c, lang),
      );
      break;
    }
    case 'ordering':
      view.options = inOrder(def.sequence, presentation.options ?? fallback().options ?? []).map(
        (s) => choiceView(s, lang),
      );
      break;
    case 'essay':
    case 'task':
      view.rubric = def.rubric.criteria.map((c) => ({
        id: c.id,
        title: pickText(c.title, lang),
        levels: c.levels.map((l) => ({ id: l.id, title: pickText(l.title, lang) })),
      }));
      view.maxLength = def.maxLength ?? DEFAULT_MAX_LENGTH;
      break;
    default:
      break;
  }
  return view;
}

/** Present languages in a fixed order; blank texts dropped, as pickText ignores them. */
function canonicalText(text: TranslatableText | undefined): TranslatableText {
  const out: TranslatableText = {};
  for (const lang of ['kk', 'ru', 'en'] as const) {
    const v = text?.[lang];
    if (typeof v === 'string' && v.trim() !== '') out[lang] = v;
  }
  return out;
}

const canonicalChoice = (c: TextChoice) => ({ id: c.id, text: canonicalText(c.text) });
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Everything a teacher taking the test could see of an item, in every language, as a canonical
 * object: type, prompt, points, choices with their ids and texts, rubric titles, the essay limit.
 * Two definitions with equal public shapes differ only in what grades them (correct flags,
 * fractions, answers, which right matches which left, the sequence's order, scoring, level
 * points at equal totals, competency evidence) and in feedback, which the review shows with the
 * key. A key correction must leave it unchanged.
 *
 * Orders a teacher never sees are not part of it: matching's right-hand column and ordering's
 * pieces are always shuffled, so they are sorted by id; options keep the author's order, which
 * a test without shuffling shows.
 */
export function publicShape(def: ItemDefinition): unknown {
  const base = {
    type: def.type,
    prompt: canonicalText(def.prompt),
    points: itemMaxPoints(def),
  };
  switch (def.type) {
    case 'single':
    case 'multiple':
      return { ...base, options: def.options.map(canonicalChoice) };
    case 'matching':
      return {
        ...base,
        stems: def.pairs.map((p) => canonicalChoice(p.left)),
        choices: [...def.pairs.map((p) => p.right), ...(def.distractors ?? [])]
          .map(canonicalChoice)
          .sort(byId),
      };
    case 'ordering':
      return { ...base, pieces: def.sequence.map(canonicalChoice).sort(byId) };
    case 'essay':
    case 'task':
      return {
        ...base,
        rubric: def.rubric.criteria.map((c) => ({
          id: c.id,
          title: canonicalText(c.title),
          levels: c.levels.map((l) => ({ id: l.id, title: canonicalText(l.title) })),
        })),
        maxLength: def.maxLength ?? DEFAULT_MAX_LENGTH,
      };
    default:
      return base;
  }
}
