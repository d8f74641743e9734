import type { TranslatableText } from '@qadam/contracts';

/**
 * Names of the competencies a certificate evidences, in kk/ru/en, for its PDF and its Open
 * Badges alignments. UNESCO's Kazakh names are the national concept's (its table 1); ISTE's
 * are the standards' names (ISTE's wording is copyrighted, its names are not quoted beyond that).
 * The frameworks themselves become data with the competency records; until then this table is
 * the certificates' only need.
 */
const UNESCO: Record<string, [kk: string, ru: string, en: string]> = {
  '1.1': ['Адамның бастамасы (агенттігі)', 'Человеческая субъектность', 'Human agency'],
  '1.2': ['Адамның жауапкершілігі', 'Ответственность человека', 'Human accountability'],
  '1.3': ['Әлеуметтік жауапкершілік', 'Социальная ответственность', 'Social responsibility'],
  '2.1': ['Этикалық қағидаттар', 'Этические принципы', 'Ethical principles'],
  '2.2': [
    'Қауіпсіз және жауапты қолдану',
    'Безопасное и ответственное использование',
    'Safe and responsible use',
  ],
  '2.3': [
    'Этикалық ережелерді бірлесіп құру',
    'Совместная разработка этических правил',
    'Co-creating ethical rules',
  ],
  '3.1': [
    'ЖИ-дің базалық техникасы мен қолданылуы',
    'Базовые методы и применения ИИ',
    'Basic AI techniques and applications',
  ],
  '3.2': ['Қолдану дағдылары', 'Навыки применения', 'Application skills'],
  '3.3': ['ЖИ көмегімен құру', 'Создание с помощью ИИ', 'Creating with AI'],
  '4.1': ['ЖИ көмегімен оқыту', 'Обучение с помощью ИИ', 'AI-assisted teaching'],
  '4.2': [
    'ЖИ-ді педагогикаға интеграциялау',
    'Интеграция ИИ и педагогики',
    'AI–pedagogy integration',
  ],
  '4.3': [
    'ЖИ күшейткен педагогикалық трансформация',
    'Педагогическая трансформация с помощью ИИ',
    'AI-enhanced pedagogical transformation',
  ],
  '5.1': [
    'Өмір бойы оқытуды қамтамасыз ететін ЖИ',
    'ИИ для непрерывного профессионального обучения',
    'AI enabling lifelong professional learning',
  ],
  '5.2': [
    'Ұйымдық оқытуды жақсартуға арналған ЖИ',
    'ИИ для развития организационного обучения',
    'AI to enhance organisational learning',
  ],
  '5.3': [
    'Кәсіби трансформацияны қолдауға арналған ЖИ',
    'ИИ для поддержки профессиональной трансформации',
    'AI to support professional transformation',
  ],
};

const ISTE: Record<string, [kk: string, ru: string, en: string]> = {
  '2.1': ['Білім алушы', 'Обучающийся', 'Learner'],
  '2.2': ['Көшбасшы', 'Лидер', 'Leader'],
  '2.3': ['Азамат', 'Гражданин', 'Citizen'],
  '2.4': ['Серіктес', 'Партнёр по сотрудничеству', 'Collaborator'],
  '2.5': ['Жобалаушы', 'Проектировщик', 'Designer'],
  '2.6': ['Фасилитатор', 'Фасилитатор', 'Facilitator'],
  '2.7': ['Талдаушы', 'Аналитик', 'Analyst'],
};

export const FRAMEWORKS = {
  'unesco-cft': {
    name: 'UNESCO AI Competency Framework for Teachers (2024)',
    url: 'https://unesdoc.unesco.org/ark:/48223/pf0000391104',
  },
  'iste-ed': {
    name: 'ISTE Standards for Educators',
    url: 'https://iste.org/standards/educators',
  },
} as const;

export interface CompetencyLabel {
  code: string;
  name: TranslatableText & { kk: string; ru: string; en: string };
  framework: string;
  url: string;
}

/** The label of a competency code; an indicator (`iste-ed:2.5.b`) is named by its standard. */
export function competencyLabel(code: string): CompetencyLabel {
  const [scheme, id = ''] = code.split(':');
  const table = scheme === 'unesco-cft' ? UNESCO : scheme === 'iste-ed' ? ISTE : undefined;
  const framework = FRAMEWORKS[scheme as keyof typeof FRAMEWORKS];
  const names = table?.[id] ?? table?.[id.split('.').slice(0, 2).join('.')];
  const [kk, ru, en] = names ?? [code, code, code];
  return {
    code,
    name: { kk, ru, en },
    framework: framework?.name ?? scheme,
    url: framework?.url ?? '',
  };
}
