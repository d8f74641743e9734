import { dictionary } from '../i18n/dictionary';

export const AUTHORING_TEXT = dictionary(
  'authoring',
  { title: 'Курстарды әзірлеу' },
  { title: 'Разработка курсов' },
  { title: 'Course authoring' },
);
