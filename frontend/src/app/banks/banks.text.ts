import { dictionary } from '../i18n/dictionary';

export const BANKS_TEXT = dictionary(
  'banks',
  { title: 'Тапсырмалар банкі' },
  { title: 'Банки заданий' },
  { title: 'Item banks' },
);
