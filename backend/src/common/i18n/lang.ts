import Negotiator from 'negotiator';
import type { Lang, LocalizedText } from '@qadam/contracts';

export const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];
/** Kazakh first: the state language, and the default when the client states no preference. */
export const DEFAULT_LANG: Lang = 'kk';

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** Picks kk, ru or en from an Accept-Language header, honouring q-values and regional tags (ru-KZ). */
export function resolveLang(acceptLanguage: string | string[] | undefined): Lang {
  if (!acceptLanguage) return DEFAULT_LANG;
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  const best = new Negotiator({ headers: { 'accept-language': header } }).language([...LANGS]);
  return isLang(best) ? best : DEFAULT_LANG;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Params whose values may be given in every language, reduced to one language. */
export function inLang(
  params: Record<string, string | number | LocalizedText>,
  lang: Lang,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'object' ? v[lang] : v;
  return out;
}
