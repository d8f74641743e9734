import type { LocalizedText } from '@qadam/contracts';

// Teaching specialisations rather than timetable subjects: closely related school subjects
// (algebra/geometry, history of Kazakhstan/world history, law/economics) share one code
// because a teacher is certified for the specialisation as a whole.
export const SUBJECTS = [
  {
    code: 'primary',
    name: { kk: 'Бастауыш сынып', ru: 'Начальные классы', en: 'Primary school' },
  },
  {
    code: 'mathematics',
    name: { kk: 'Математика', ru: 'Математика', en: 'Mathematics' },
  },
  {
    code: 'informatics',
    name: { kk: 'Информатика', ru: 'Информатика', en: 'Computer science' },
  },
  {
    code: 'physics',
    name: { kk: 'Физика', ru: 'Физика', en: 'Physics' },
  },
  {
    code: 'chemistry',
    name: { kk: 'Химия', ru: 'Химия', en: 'Chemistry' },
  },
  {
    code: 'biology',
    name: { kk: 'Биология', ru: 'Биология', en: 'Biology' },
  },
  {
    code: 'natural-science',
    name: { kk: 'Жаратылыстану', ru: 'Естествознание', en: 'Natural science' },
  },
  {
    code: 'geography',
    name: { kk: 'География', ru: 'География', en: 'Geography' },
  },
  {
    code: 'history',
    name: { kk: 'Тарих', ru: 'История', en: 'History' },
  },
  {
    code: 'social-studies',
    name: {
      kk: 'Құқық, экономика және қоғамтану негіздері',
      ru: 'Основы права, экономики и обществознания',
      en: 'Law, economics and social studies',
    },
  },
  {
    code: 'kazakh-language-literature',
    name: {
      kk: 'Қазақ тілі мен әдебиеті',
      ru: 'Казахский язык и литература',
      en: 'Kazakh language and literature',
    },
  },
  {
    code: 'russian-language-literature',
    name: {
      kk: 'Орыс тілі мен әдебиеті',
      ru: 'Русский язык и литература',
      en: 'Russian language and literature',
    },
  },
  {
    code: 'foreign-language',
    name: { kk: 'Шетел тілі', ru: 'Иностранный язык', en: 'Foreign language' },
  },
  {
    code: 'self-knowledge',
    name: { kk: 'Өзін-өзі тану', ru: 'Самопознание', en: 'Self-knowledge' },
  },
  {
    code: 'art',
    name: { kk: 'Бейнелеу өнері', ru: 'Изобразительное искусство', en: 'Visual arts' },
  },
  {
    code: 'music',
    name: { kk: 'Музыка', ru: 'Музыка', en: 'Music' },
  },
  {
    code: 'physical-education',
    name: { kk: 'Дене шынықтыру', ru: 'Физическая культура', en: 'Physical education' },
  },
  {
    code: 'technology',
    name: {
      kk: 'Көркем еңбек және технология',
      ru: 'Художественный труд и технология',
      en: 'Technology and artistic work',
    },
  },
  {
    code: 'basic-military-training',
    name: {
      kk: 'Алғашқы әскери және технологиялық дайындық',
      ru: 'Начальная военная и технологическая подготовка',
      en: 'Basic military and technological training',
    },
  },
  {
    code: 'preschool',
    name: {
      kk: 'Мектепке дейінгі тәрбие және оқыту',
      ru: 'Дошкольное воспитание и обучение',
      en: 'Preschool education',
    },
  },
  {
    code: 'special-education',
    name: {
      kk: 'Арнайы (түзету) педагогика',
      ru: 'Специальная (коррекционная) педагогика',
      en: 'Special (correctional) education',
    },
  },
  {
    code: 'other',
    name: { kk: 'Басқа пән', ru: 'Другой предмет', en: 'Other subject' },
  },
] as const satisfies readonly { code: string; name: LocalizedText }[];

export type SubjectCode = (typeof SUBJECTS)[number]['code'];

export const SUBJECT_CODES: readonly SubjectCode[] = SUBJECTS.map((s) => s.code);

// A Set rather than `in`/object lookup so inherited keys like 'toString' are not accepted.
const SUBJECT_CODE_SET: ReadonlySet<string> = new Set(SUBJECT_CODES);

export function isSubjectCode(v: unknown): v is SubjectCode {
  return typeof v === 'string' && SUBJECT_CODE_SET.has(v);
}
