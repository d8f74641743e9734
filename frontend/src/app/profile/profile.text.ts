import { dictionary } from '../i18n/dictionary';

export const PROFILE_TEXT = dictionary(
  'profile',
  {
    title: 'Менің профилім',
    intro: 'Бұл деректер топқа қабылдау мен ұсыныстар үшін қолданылады. Пошта өзгермейді.',
    schoolKind: 'Мектеп түрі',
    subjects: 'Пәндерім',
    grades: 'Сыныптар',
    language: 'Хат және сертификат тілі',
    iinLabel: 'ЖСН',
    save: 'Сақтау',
    saved: 'Профиль сақталды.',
    unsaved: 'Сақталмаған өзгерістер бар.',
    certificateName:
      'Берілген сертификаттарда аты-жөніңіз берілген кездегідей қалады; жаңасы жаңа атпен беріледі.',
  },
  {
    title: 'Мой профиль',
    intro: 'Эти данные нужны для зачисления в группы и рекомендаций. Почта не меняется.',
    schoolKind: 'Тип школы',
    subjects: 'Мои предметы',
    grades: 'Классы',
    language: 'Язык писем и сертификатов',
    iinLabel: 'ИИН',
    save: 'Сохранить',
    saved: 'Профиль сохранён.',
    unsaved: 'Есть несохранённые изменения.',
    certificateName:
      'В уже выданных сертификатах имя остаётся таким, каким было при выдаче; новые выдаются с новым.',
  },
  {
    title: 'My profile',
    intro: 'Cohort admissions and recommendations use these details. The e-mail cannot change.',
    schoolKind: 'Kind of school',
    subjects: 'My subjects',
    grades: 'Grades',
    language: 'Language of e-mails and certificates',
    iinLabel: 'IIN',
    save: 'Save',
    saved: 'Profile saved.',
    unsaved: 'There are unsaved changes.',
    certificateName:
      'Certificates already issued keep the name they were issued with; new ones carry the new name.',
  },
);
