import type { LadderLevel, LocalizedText } from '@qadam/contracts';

export interface LadderFacts {
  /** Levels of the teacher's valid certificates (issued, not revoked, not expired). */
  certified: readonly LadderLevel[];
  subjects: readonly string[];
  /** An admin's exception for this teacher and course. */
  exception: boolean;
}

export const INFORMATICS = 'informatics';

/** SQL: certificate row `c` counts on the ladder (issued, not revoked, not expired). */
export const VALID_CERTIFICATE = `c.status = 'issued' AND (c.expires_at IS NULL OR c.expires_at > now())`;

const NEEDS = {
  acquire: {
    kk: '«Игеру» деңгейінің жарамды куәлігі',
    ru: 'действующее свидетельство уровня «Освоение»',
    en: 'a valid Acquire certificate of attendance',
  },
  deepen: {
    kk: '«Тереңдету» деңгейінің жарамды сертификаты',
    ru: 'действующий сертификат уровня «Углубление»',
    en: 'a valid Deepen certificate',
  },
  informatics: {
    kk: 'профиліңізде «Информатика» пәні',
    ru: 'предмет «Информатика» в вашем профиле',
    en: 'informatics among the subjects in your profile',
  },
} satisfies Record<string, LocalizedText>;

/**
 * What a teacher lacks to enter a course of this rung: Deepen needs a valid Acquire
 * certificate; Create needs a valid Deepen certificate and informatics among the subjects.
 * Empty when nothing is missing or an admin granted an exception.
 */
export function missingPrerequisites(level: LadderLevel, facts: LadderFacts): LocalizedText[] {
  if (facts.exception) return [];
  const missing: LocalizedText[] = [];
  if (level === 'deepen' && !facts.certified.includes('acquire')) missing.push(NEEDS.acquire);
  if (level === 'create') {
    if (!facts.certified.includes('deepen')) missing.push(NEEDS.deepen);
    if (!facts.subjects.includes(INFORMATICS)) missing.push(NEEDS.informatics);
  }
  return missing;
}

/** One text per language listing everything missing, for the error message. */
export function joinMissing(missing: LocalizedText[]): LocalizedText {
  const and = { kk: ' және ', ru: ' и ', en: ' and ' };
  const join = (lang: keyof LocalizedText) => missing.map((m) => m[lang]).join(and[lang]);
  return { kk: join('kk'), ru: join('ru'), en: join('en') };
}
