import { DOCUMENT } from '@angular/common';
import { Injectable, computed, effect, inject, signal } from '@angular/core';
import type { CourseKind, EnrollmentStatus, LadderLevel, Lang } from '@qadam/contracts';
import { MESSAGES, type MessageKey } from './messages';

export const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];
const STORAGE_KEY = 'qadam.lang';
const LOCALES: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

export function isLang(v: unknown): v is Lang {
  return v === 'kk' || v === 'ru' || v === 'en';
}

/** The interface language: Kazakh unless the teacher chose another, remembered on this device. */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly storage = this.document.defaultView?.localStorage;
  readonly lang = signal<Lang>(this.initial());
  readonly locale = computed(() => LOCALES[this.lang()]);

  constructor() {
    effect(() => {
      const lang = this.lang();
      this.document.documentElement.lang = lang;
      try {
        this.storage?.setItem(STORAGE_KEY, lang);
      } catch {
        // Private mode or full storage: the choice lasts for this visit only.
      }
    });
  }

  /** The text for `key` in the current language, with `{name}` placeholders filled. */
  t(key: MessageKey, params: Record<string, string | number> = {}): string {
    const lang = this.lang();
    const text: string = MESSAGES[lang][key] ?? MESSAGES.kk[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (m, name: string) =>
      name in params ? this.format(params[name]) : m,
    );
  }

  /** Numbers as the language writes them (1 000 / 1,000). */
  format(value: string | number): string {
    return typeof value === 'number' ? new Intl.NumberFormat(this.locale()).format(value) : value;
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
    return new Intl.DateTimeFormat(this.locale(), { dateStyle: 'long' }).format(new Date(iso));
  }

  private initial(): Lang {
    let saved: string | null | undefined;
    try {
      saved = this.storage?.getItem(STORAGE_KEY);
    } catch {
      saved = null;
    }
    return isLang(saved) ? saved : 'kk';
  }
}
