import { inject } from '@angular/core';
import type { Lang } from '@qadam/contracts';
import { I18n } from './i18n';

/**
 * A feature's own texts in kk, ru and en. The staff screens keep theirs next to their pages, in
 * their lazy chunk, so a teacher's first download carries none of them; all three languages
 * travel together there (a few kilobytes, for a few hundred staff). ru and en are typed against
 * the kk keys, and `dictionaries.spec.ts` checks every dictionary as messages.spec.ts checks the
 * app's.
 */
export interface Dictionary<K extends string> {
  readonly name: string;
  readonly texts: Readonly<Record<Lang, Readonly<Record<K, string>>>>;
}

export type Translate<K extends string> = (
  key: K,
  params?: Record<string, string | number>,
) => string;

export function dictionary<const T extends Record<string, string>>(
  name: string,
  kk: T,
  ru: Record<keyof T, string>,
  en: Record<keyof T, string>,
): Dictionary<keyof T & string> {
  return { name, texts: { kk, ru, en } };
}

/** A translate function for a component: reads the interface language, so templates follow it. */
export function injectText<K extends string>(dict: Dictionary<K>): Translate<K> {
  const i18n = inject(I18n);
  return (key, params) => i18n.fill(dict.texts[i18n.lang()][key] ?? dict.texts.kk[key], params);
}
