import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** Levels of the AI competence ladder; one template file per level. */
export const LEVELS = ['acquire', 'deepen', 'create'] as const;
export type Level = (typeof LEVELS)[number];
export type Lang = 'kk' | 'ru' | 'en';

export interface LocalText {
  kk: string;
  ru: string;
  en: string;
}

/** Intl.PluralRules categories; `other` is required, the rest fall back to it. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface CertificateTemplate {
  level: Level;
  colors: {
    background: string;
    text: string;
    muted: string;
    accent: string;
  };
  border: { style: 'single' | 'double' | 'ornate'; color: string; width: number };
  /** Document title, e.g. «СЕРТИФИКАТ». */
  title: LocalText;
  /** One sentence per language; must contain {course} and {hours}. */
  statement: LocalText;
  /** The unit after the number of hours, chosen by the language's plural rules. */
  hoursUnit: Record<Lang, PluralForms>;
  labels: {
    level: LocalText;
    number: LocalText;
    issueDate: LocalText;
    competencies: LocalText;
    verify: LocalText;
    /** Shown when competencies are cut; must contain {n}. */
    more: LocalText;
  };
  levelName: LocalText;
}

export interface CertificateFonts {
  regular: Buffer;
  bold: Buffer;
}

export interface CertificateAssets {
  dir: string;
  templates: Record<Level, CertificateTemplate>;
  fonts: CertificateFonts;
}

export const FONT_FILES = {
  regular: 'fonts/DejaVuSans-Qadam.ttf',
  bold: 'fonts/DejaVuSans-Bold-Qadam.ttf',
} as const;

const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];
const PLURAL_KEYS: readonly string[] = ['zero', 'one', 'two', 'few', 'many', 'other'];
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * The templates directory: walks up from this file to the first directory holding
 * `certificates/templates`, so the same code works from `certificates/src/pdf` (ts-node, Jest)
 * and from a compiled copy under `dist/certificates/src/pdf`.
 */
export function findTemplatesDir(start: string = __dirname): string {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, 'certificates', 'templates');
    if (existsSync(path.join(candidate, 'acquire.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`Certificate templates not found: no certificates/templates above ${start}`);
    }
    dir = parent;
  }
}

let defaultDir: string | undefined;

/** The repository's templates directory (found once, then remembered). */
export function templatesDir(): string {
  return (defaultDir ??= findTemplatesDir());
}

/** Reads and validates the three level templates and the two fonts (once; callers cache). */
export function loadCertificateAssets(dir: string = templatesDir()): CertificateAssets {
  const templates = {} as Record<Level, CertificateTemplate>;
  for (const level of LEVELS) {
    const file = path.join(dir, `${level}.json`);
    templates[level] = parseTemplate(readFileSync(file, 'utf8'), file, level);
  }
  const fonts: CertificateFonts = {
    regular: readFileSync(path.join(dir, FONT_FILES.regular)),
    bold: readFileSync(path.join(dir, FONT_FILES.bold)),
  };
  return { dir, templates, fonts };
}

/** Parses one template; errors name the file and the offending field. */
export function parseTemplate(source: string, file: string, level: Level): CertificateTemplate {
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (e) {
    throw new Error(`Certificate template ${file}: invalid JSON (${(e as Error).message})`);
  }
  const fail = (field: string, problem: string): never => {
    throw new Error(`Certificate template ${file}: "${field}" ${problem}`);
  };
  const obj = (value: unknown, field: string): Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : fail(field, 'must be an object');
  const str = (value: unknown, field: string): string =>
    typeof value === 'string' && value.trim() !== ''
      ? value
      : fail(field, 'must be a non-empty string');
  const color = (value: unknown, field: string): string =>
    HEX_COLOR.test(str(value, field)) ? (value as string) : fail(field, 'must be a #rrggbb colour');
  const local = (value: unknown, field: string, placeholders: string[] = []): LocalText => {
    const o = obj(value, field);
    const out = {} as LocalText;
    for (const lang of LANGS) {
      const text = str(o[lang], `${field}.${lang}`);
      for (const p of placeholders) {
        if (!text.includes(`{${p}}`)) fail(`${field}.${lang}`, `must contain {${p}}`);
      }
      out[lang] = text;
    }
    return out;
  };

  const t = obj(raw, '(root)');
  if (t.level !== level) fail('level', `must be "${level}" (the file name)`);
  const colors = obj(t.colors, 'colors');
  const border = obj(t.border, 'border');
  const style = border.style;
  if (style !== 'single' && style !== 'double' && style !== 'ornate') {
    fail('border.style', 'must be "single", "double" or "ornate"');
  }
  const width = border.width;
  if (typeof width !== 'number' || !(width > 0 && width <= 6)) {
    fail('border.width', 'must be a number in (0, 6]');
  }
  const units = obj(t.hoursUnit, 'hoursUnit');
  const hoursUnit = {} as Record<Lang, PluralForms>;
  for (const lang of LANGS) {
    const forms = obj(units[lang], `hoursUnit.${lang}`);
    for (const [key, value] of Object.entries(forms)) {
      if (!PLURAL_KEYS.includes(key)) fail(`hoursUnit.${lang}.${key}`, 'is not a plural category');
      str(value, `hoursUnit.${lang}.${key}`);
    }
    str(forms.other, `hoursUnit.${lang}.other`);
    hoursUnit[lang] = forms as PluralForms;
  }
  const labels = obj(t.labels, 'labels');
  return {
    level,
    colors: {
      background: color(colors.background, 'colors.background'),
      text: color(colors.text, 'colors.text'),
      muted: color(colors.muted, 'colors.muted'),
      accent: color(colors.accent, 'colors.accent'),
    },
    border: {
      style: style as CertificateTemplate['border']['style'],
      color: color(border.color, 'border.color'),
      width: width as number,
    },
    title: local(t.title, 'title'),
    statement: local(t.statement, 'statement', ['course', 'hours']),
    hoursUnit,
    labels: {
      level: local(labels.level, 'labels.level'),
      number: local(labels.number, 'labels.number'),
      issueDate: local(labels.issueDate, 'labels.issueDate'),
      competencies: local(labels.competencies, 'labels.competencies'),
      verify: local(labels.verify, 'labels.verify'),
      more: local(labels.more, 'labels.more', ['n']),
    },
    levelName: local(t.levelName, 'levelName'),
  };
}
