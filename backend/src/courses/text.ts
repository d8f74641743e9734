import type { Lang, TranslatableText } from '@qadam/contracts';

/**
 * Which language a reader gets when a text is missing in theirs: the one asked for, then
 * Kazakh (the state language, which every course is written in first), then Russian, then
 * English.
 */
export function fallbackOrder(lang: Lang): Lang[] {
  return [lang, ...(['kk', 'ru', 'en'] as const).filter((l) => l !== lang)];
}

/** The text in the reader's language, or the first present in the fallback order; '' if none. */
export function pickText(text: TranslatableText | null | undefined, lang: Lang): string {
  if (!text) return '';
  for (const l of fallbackOrder(lang)) {
    const v = text[l];
    if (v && v.trim()) return v;
  }
  return '';
}

/** The language a course's texts are served in: the reader's if offered, else the fallback. */
export function servedLang(offered: readonly Lang[], lang: Lang): Lang {
  return fallbackOrder(lang).find((l) => offered.includes(l)) ?? lang;
}
