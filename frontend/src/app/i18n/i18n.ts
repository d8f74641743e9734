import { DOCUMENT } from '@angular/common';
import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  CourseKind,
  EnrollmentStatus,
  LadderLevel,
  Lang,
  TranslatableText,
} from '@qadam/contracts';
import { kk, type MessageKey, type Messages } from './messages';

export const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];
const STORAGE_KEY = 'qadam.lang';
const LOCALES: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
const LOADERS: Record<Lang, () => Promise<Messages>> = {
  kk: async () => kk,
  ru: () => import('./messages.ru').then((m) => m.ru),
  en: () => import('./messages.en').then((m) => m.en),
};

const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];

export function isLang(v: unknown): v is Lang {
  return v === 'kk' || v === 'ru' || v === 'en';
}

/**
 * The interface language: Kazakh unless the teacher chose another, remembered on this device.
 * Russian and English texts are fetched when first chosen; the language changes once they are
 * here, so no page shows a mix.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly storage = this.document.defaultView?.localStorage;
  private readonly current = signal<{ lang: Lang; messages: Messages }>({
    lang: 'kk',
    messages: kk,
  });
  readonly lang = computed(() => this.current().lang);
  readonly locale = computed(() => LOCALES[this.lang()]);

  /** The language remembered on this device (kk when none), to load before the first page. */
  saved(): Lang {
    try {
      const saved = this.storage?.getItem(STORAGE_KEY);
      return isLang(saved) ? saved : 'kk';
    } catch {
      return 'kk';
    }
  }

  /** Switches the interface to `lang` once its texts are loaded. */
  async use(lang: Lang): Promise<void> {
    const messages = await LOADERS[lang]();
    this.current.set({ lang, messages });
    this.document.documentElement.lang = lang;
    try {
      this.storage?.setItem(STORAGE_KEY, lang);
    } catch {
      // Private mode or full storage: the choice lasts for this visit only.
    }
  }

  /** The text for `key` in the current language, with `{name}` placeholders filled. */
  t(key: MessageKey, params: Record<string, string | number> = {}): string {
    return this.fill(this.current().messages[key] ?? kk[key] ?? key, params);
  }

  /** `text` with its `{name}` placeholders filled, numbers written as the language writes them. */
  fill(text: string, params: Record<string, string | number> = {}): string {
    return text.replace(/\{(\w+)\}/g, (m, name: string) =>
      name in params ? this.format(params[name]) : m,
    );
  }

  /** Numbers as the language writes them (1 000 / 1,000). */
  format(value: string | number): string {
    return typeof value === 'number' ? new Intl.NumberFormat(this.locale()).format(value) : value;
  }

  /** An author's or framework's text in the interface language, else the first one present. */
  pick(text: TranslatableText | null | undefined): string {
    if (!text) return '';
    return text[this.lang()] ?? text.kk ?? text.ru ?? text.en ?? '';
  }

  level(l: LadderLevel): string {
    return this.t(`level.${l}`);
  }

  kind(k: CourseKind): string {
    return this.t(`kind.${k}`);
  }

  enrolment(e: { status: EnrollmentStatus; waitlistPosition: number | null }): string {
    return this.t(`enrolment.${e.status}`, { position: e.waitlistPosition ?? '' });
  }

  /** What to tell the user about a failure: the API's own message (in this language), or ours. */
  errorText(e: unknown): string {
    return e instanceof Error && 'code' in e ? e.message : this.t('error.unknown');
  }

  date(iso: string): string {
    const d = new Date(iso);
    // Browsers' Kazakh date data is often missing ("2026 М11 25"): write it as Kazakh does.
    if (this.lang() === 'kk')
      return `${d.getFullYear()} жылғы ${d.getDate()} ${KK_MONTHS[d.getMonth()]}`;
    return new Intl.DateTimeFormat(this.locale(), { dateStyle: 'long' }).format(d);
  }
}
