import type { AssessmentSection, Difficulty, ItemDefinition } from '@qadam/contracts';

/** An item a section may use: its current version, and what draws filter on. */
export interface PoolItem {
  itemId: string;
  key: string | null;
  versionId: string;
  competencies: string[];
  difficulty: Difficulty;
  definition: ItemDefinition;
}

export interface PlannedItem {
  item: PoolItem;
  section: string;
}

/** Why a section cannot be filled, at which section. */
export interface PlanProblem {
  section: number;
  rule: 'section.unknown-bank' | 'section.unknown-item' | 'section.bank-too-small';
  params: Record<string, string | number>;
}

/** The banks sections refer to, by key. */
export function banksOf(sections: AssessmentSection[]): string[] {
  const keys = new Set<string>();
  for (const s of sections) {
    if (s.draw) keys.add(s.draw.bank);
    for (const ref of s.items ?? []) keys.add(ref.split('/')[0]);
  }
  return [...keys];
}

function shuffle<T>(list: T[], random: () => number): T[] {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function eligible(section: AssessmentSection, pool: PoolItem[], taken: Set<string>): PoolItem[] {
  const d = section.draw!;
  return pool.filter(
    (p) =>
      !taken.has(p.itemId) &&
      (!d.competencies?.length || p.competencies.some((c) => d.competencies!.includes(c))) &&
      (!d.difficulty?.length || d.difficulty.includes(p.difficulty)),
  );
}

/**
 * Draws `count` items. Stratified draws spread the count evenly over the competencies (the
 * section's list, else those of the eligible items); an item counts for the first of its codes
 * in that list. Strata too small to fill their share leave the rest to a draw from all others.
 */
function draw(
  section: AssessmentSection,
  candidates: PoolItem[],
  random: () => number,
): PoolItem[] {
  const { count, stratify } = section.draw!;
  if (!stratify) return shuffle(candidates, random).slice(0, count);
  const codes = section.draw!.competencies?.length
    ? section.draw!.competencies
    : [...new Set(candidates.flatMap((c) => c.competencies))].sort();
  const strata = new Map<string, PoolItem[]>(codes.map((c) => [c, []]));
  for (const c of shuffle(candidates, random)) {
    const code = codes.find((k) => c.competencies.includes(k));
    if (code) strata.get(code)!.push(c);
  }
  // The remainder goes to strata in a random order, so no competency is always favoured.
  const order = shuffle(codes, random);
  const share = new Map(
    order.map((c, i) => [c, Math.floor(count / codes.length) + (i < count % codes.length ? 1 : 0)]),
  );
  const chosen: PoolItem[] = [];
  for (const code of order) chosen.push(...strata.get(code)!.slice(0, share.get(code)));
  if (chosen.length < count) {
    const picked = new Set(chosen.map((c) => c.itemId));
    const rest = shuffle(
      candidates.filter((c) => !picked.has(c.itemId)),
      random,
    );
    chosen.push(...rest.slice(0, count - chosen.length));
  }
  return shuffle(chosen, random);
}

/**
 * Turns sections into the items of one attempt: fixed items by `bank/key`, draws at random.
 * No item appears twice. Problems are returned, not thrown, so publishing can list them all.
 */
export function planSections(
  sections: AssessmentSection[],
  pools: Map<string, PoolItem[]>,
  random: () => number,
  shuffleItems = false,
): { items: PlannedItem[]; problems: PlanProblem[] } {
  const taken = new Set<string>();
  const items: PlannedItem[] = [];
  const problems: PlanProblem[] = [];
  sections.forEach((section, i) => {
    let chosen: PoolItem[] = [];
    if (section.items) {
      for (const ref of section.items) {
        const [bank, key] = ref.split('/');
        const pool = pools.get(bank);
        if (!pool) {
          problems.push({ section: i, rule: 'section.unknown-bank', params: { bank } });
          continue;
        }
        const item = pool.find((p) => p.key === key);
        if (!item || taken.has(item.itemId)) {
          problems.push({ section: i, rule: 'section.unknown-item', params: { item: ref } });
          continue;
        }
        chosen.push(item);
        taken.add(item.itemId);
      }
    } else if (section.draw) {
      const pool = pools.get(section.draw.bank);
      if (!pool) {
        problems.push({
          section: i,
          rule: 'section.unknown-bank',
          params: { bank: section.draw.bank },
        });
        return;
      }
      const candidates = eligible(section, pool, taken);
      if (candidates.length < section.draw.count) {
        problems.push({
          section: i,
          rule: 'section.bank-too-small',
          params: {
            bank: section.draw.bank,
            count: section.draw.count,
            available: candidates.length,
          },
        });
        return;
      }
      chosen = draw(section, candidates, random);
      for (const c of chosen) taken.add(c.itemId);
    }
    if (shuffleItems) chosen = shuffle(chosen, random);
    items.push(...chosen.map((item) => ({ item, section: section.key })));
  });
  return { items, problems };
}

export const PLAN_PROBLEM_MESSAGES: Record<
  PlanProblem['rule'],
  { kk: string; ru: string; en: string }
> = {
  'section.unknown-bank': {
    kk: '«{bank}» сұрақтар банкі табылмады',
    ru: 'Банк вопросов «{bank}» не найден',
    en: 'The question bank "{bank}" was not found',
  },
  'section.unknown-item': {
    kk: '«{item}» сұрағы табылмады (немесе мұрағатта, немесе екі рет аталған)',
    ru: 'Вопрос «{item}» не найден (или в архиве, или указан дважды)',
    en: 'The item "{item}" was not found (or is archived, or listed twice)',
  },
  'section.bank-too-small': {
    kk: '«{bank}» банкінде шартқа сай {available} сұрақ бар, ал {count} сұрақ алу керек',
    ru: 'В банке «{bank}» подходит {available} вопросов, а нужно выбрать {count}',
    en: 'The bank "{bank}" has {available} matching items; the draw needs {count}',
  },
};
