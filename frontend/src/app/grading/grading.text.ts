import { dictionary } from '../i18n/dictionary';

export const GRADING_TEXT = dictionary(
  'grading',
  { title: 'Бағалау кезегі' },
  { title: 'Очередь проверки' },
  { title: 'Grading queue' },
);
