import { dictionary } from '../i18n/dictionary';

export const ADMIN_TEXT = dictionary(
  'admin',
  { title: 'Әкімшілік' },
  { title: 'Администрирование' },
  { title: 'Administration' },
);
