import type { GradeBand, LocalizedText, ReferenceData, SchoolKind } from '@qadam/contracts';
import { REGIONS } from './regions';
import { SUBJECTS } from './subjects';

export const SCHOOL_KIND_NAMES: Record<SchoolKind, LocalizedText> = {
  urban: { kk: 'Қала мектебі', ru: 'Городская школа', en: 'Urban school' },
  rural: { kk: 'Ауыл мектебі', ru: 'Сельская школа', en: 'Rural school' },
  small_ungraded: {
    kk: 'Аз комплектілі мектеп',
    ru: 'Малокомплектная школа',
    en: 'Small ungraded (multi-grade) school',
  },
};

export const GRADE_BAND_NAMES: Record<GradeBand, LocalizedText> = {
  primary: {
    kk: 'Бастауыш сыныптар (1–4)',
    ru: 'Начальные классы (1–4)',
    en: 'Primary grades (1–4)',
  },
  secondary: {
    kk: 'Негізгі және жоғары сыныптар (5–11)',
    ru: 'Основные и старшие классы (5–11)',
    en: 'Secondary grades (5–11)',
  },
};

const LANGUAGE_NAMES: Record<'kk' | 'ru' | 'en', LocalizedText> = {
  kk: { kk: 'Қазақ тілі', ru: 'Казахский язык', en: 'Kazakh' },
  ru: { kk: 'Орыс тілі', ru: 'Русский язык', en: 'Russian' },
  en: { kk: 'Ағылшын тілі', ru: 'Английский язык', en: 'English' },
};

const items = <K extends string>(names: Record<K, LocalizedText>) =>
  (Object.keys(names) as K[]).map((code) => ({ code, name: names[code] }));

/** Built once: the lists are code, not data, and change only with a release. */
export const REFERENCE_DATA: ReferenceData = {
  regions: REGIONS.map((r) => ({ code: r.code, kind: r.kind, name: r.name })),
  subjects: SUBJECTS.map((s) => ({ code: s.code, name: s.name })),
  schoolKinds: items(SCHOOL_KIND_NAMES),
  grades: items(GRADE_BAND_NAMES),
  languages: items(LANGUAGE_NAMES),
};
