import type { LocalizedText } from '@qadam/contracts';

/**
 * What a teacher reads next to a field, keyed by the broken rule: class-validator's constraint
 * name, or `<validator>.<problem>` for our own validators. `{name}` placeholders come from the
 * rule's arguments.
 */
export const RULE_MESSAGES: Record<string, LocalizedText> = {
  isDefined: {
    kk: 'Бұл өрісті толтыру міндетті.',
    ru: 'Это поле обязательно.',
    en: 'This field is required.',
  },
  isNotEmpty: {
    kk: 'Бұл өрісті толтыру міндетті.',
    ru: 'Это поле обязательно.',
    en: 'This field is required.',
  },
  isString: { kk: 'Мәтін болуы керек.', ru: 'Должно быть текстом.', en: 'Must be text.' },
  isEmail: {
    kk: 'Электрондық пошта мекенжайын дұрыс енгізіңіз (мысалы, aigul@mektep.kz).',
    ru: 'Введите корректный адрес электронной почты (например, aigul@mektep.kz).',
    en: 'Enter a valid email address (for example, aigul@mektep.kz).',
  },
  maxLength: {
    kk: 'Ең көбі {max} таңба болуы керек.',
    ru: 'Не более {max} символов.',
    en: 'At most {max} characters.',
  },
  minLength: {
    kk: 'Кемінде {min} таңба болуы керек.',
    ru: 'Не менее {min} символов.',
    en: 'At least {min} characters.',
  },
  isIn: {
    kk: 'Тізімдегі мәндердің бірін таңдаңыз.',
    ru: 'Выберите одно из значений списка.',
    en: 'Choose one of the listed values.',
  },
  isArray: { kk: 'Тізім болуы керек.', ru: 'Должно быть списком.', en: 'Must be a list.' },
  arrayMaxSize: {
    kk: 'Ең көбі {max} мән таңдауға болады.',
    ru: 'Можно выбрать не более {max} значений.',
    en: 'Choose at most {max} values.',
  },
  arrayUnique: {
    kk: 'Мәндер қайталанбауы керек.',
    ru: 'Значения не должны повторяться.',
    en: 'Values must not repeat.',
  },
  isInt: {
    kk: 'Бүтін сан болуы керек.',
    ru: 'Должно быть целым числом.',
    en: 'Must be a whole number.',
  },
  min: {
    kk: 'Кемінде {min} болуы керек.',
    ru: 'Должно быть не меньше {min}.',
    en: 'Must be at least {min}.',
  },
  max: {
    kk: 'Ең көбі {max} болуы керек.',
    ru: 'Должно быть не больше {max}.',
    en: 'Must be at most {max}.',
  },
  isUuid: {
    kk: 'Идентификатор пішімі қате.',
    ru: 'Неверный формат идентификатора.',
    en: 'The identifier is malformed.',
  },
  isObject: { kk: 'Нысан болуы керек.', ru: 'Должно быть объектом.', en: 'Must be an object.' },
  whitelistValidation: {
    kk: 'Бұл өріс қабылданбайды, оны алып тастаңыз.',
    ru: 'Это поле не поддерживается, удалите его.',
    en: 'This field is not accepted; remove it.',
  },
  'iin.format': {
    kk: 'ЖСН 12 цифрдан тұруы керек.',
    ru: 'ИИН должен состоять из 12 цифр.',
    en: 'The IIN must be exactly 12 digits.',
  },
  'iin.century': {
    kk: 'ЖСН-нің 7-цифры 1-ден 6-ға дейін болуы керек. Нөмірді жеке куәліктен тексеріңіз.',
    ru: '7-я цифра ИИН должна быть от 1 до 6. Сверьте номер с удостоверением личности.',
    en: 'The 7th digit of the IIN must be 1 to 6. Check the number against your ID card.',
  },
  'iin.date': {
    kk: 'ЖСН-нің алғашқы 6 цифры — туған күн (ЖЖААКК). Нөмірді жеке куәліктен тексеріңіз.',
    ru: 'Первые 6 цифр ИИН — дата рождения (ГГММДД). Сверьте номер с удостоверением личности.',
    en: 'The first 6 digits of the IIN are the birth date (YYMMDD). Check the number against your ID card.',
  },
  'iin.checksum': {
    kk: 'ЖСН-нің соңғы (бақылау) цифры сәйкес келмейді — нөмірде қате бар. Оны жеке куәліктен қайта көшіріңіз.',
    ru: 'Последняя (контрольная) цифра ИИН не сходится — в номере опечатка. Перепишите его из удостоверения личности.',
    en: 'The last (check) digit of the IIN does not match, so there is a typo. Copy it again from your ID card.',
  },
  'password.too_short': {
    kk: 'Құпиясөз кемінде {min} таңбадан тұруы керек. Бірнеше сөзден тұратын тіркес ойлаңыз.',
    ru: 'Пароль должен содержать не менее {min} символов. Придумайте фразу из нескольких слов.',
    en: 'The password must be at least {min} characters. Try a phrase of several words.',
  },
  'password.too_long': {
    kk: 'Құпиясөз {max} таңбадан аспауы керек.',
    ru: 'Пароль должен быть не длиннее {max} символов.',
    en: 'The password must be at most {max} characters.',
  },
  'password.common': {
    kk: 'Бұл құпиясөз тым кең таралған, оны оңай табады. Басқасын таңдаңыз.',
    ru: 'Этот пароль слишком распространён, его легко подобрать. Выберите другой.',
    en: 'This password is too common and easy to guess. Choose another one.',
  },
  'password.personal': {
    kk: 'Құпиясөзде электрондық поштаңыз немесе аты-жөніңіз болмауы керек.',
    ru: 'Пароль не должен содержать ваш адрес почты или имя.',
    en: 'The password must not contain your email or your name.',
  },
  'matches.slug': {
    kk: 'Тек кіші латын әріптері, сандар және сызықша (мысалы, ai-in-primary-school).',
    ru: 'Только строчные латинские буквы, цифры и дефисы (например, ai-in-primary-school).',
    en: 'Only lower-case Latin letters, digits and hyphens (for example, ai-in-primary-school).',
  },
  'matches.code': {
    kk: 'Латын әріптері, сандар, нүкте, сызықша немесе астын сызу, 2–60 таңба.',
    ru: 'Латинские буквы, цифры, точка, дефис или подчёркивание, 2–60 символов.',
    en: 'Latin letters, digits, dot, hyphen or underscore, 2–60 characters.',
  },
  'matches.date': {
    kk: 'Күнді ЖЖЖЖ-АА-КК түрінде енгізіңіз (мысалы, 2027-01-11).',
    ru: 'Введите дату в формате ГГГГ-ММ-ДД (например, 2027-01-11).',
    en: 'Enter the date as YYYY-MM-DD (for example, 2027-01-11).',
  },
  'isUuid.uuid': {
    kk: 'Идентификатор қате.',
    ru: 'Неверный идентификатор.',
    en: 'Invalid identifier.',
  },
  isIso8601: {
    kk: 'Күнді ЖЖЖЖ-АА-КК түрінде енгізіңіз.',
    ru: 'Введите дату в формате ГГГГ-ММ-ДД.',
    en: 'Enter the date as YYYY-MM-DD.',
  },
  isDate: {
    kk: 'Күн мен уақытты ISO 8601 түрінде енгізіңіз (мысалы, 2026-12-01T09:00:00Z).',
    ru: 'Введите дату и время в формате ISO 8601 (например, 2026-12-01T09:00:00Z).',
    en: 'Enter a date and time in ISO 8601 (for example, 2026-12-01T09:00:00Z).',
  },
  isBoolean: {
    kk: 'true немесе false болуы керек.',
    ru: 'Должно быть true или false.',
    en: 'Must be true or false.',
  },
  'course.unknown': {
    kk: 'Мұндай курс жоқ.',
    ru: 'Такого курса нет.',
    en: 'There is no such course.',
  },
  'course.mooc': {
    kk: 'МАОК топсыз өтеді: топты тек топтық немесе бейінді курсқа ашуға болады.',
    ru: 'МООК проходит без групп: группу можно открыть только для группового или профильного курса.',
    en: 'A MOOC has no cohorts: cohorts are for cohort and profile courses.',
  },
  'course.level-fixed': {
    kk: 'Курстың деңгейі ({level}) өзгермейді; басқа деңгейге жаңа курс ашыңыз.',
    ru: 'Уровень курса ({level}) не меняется; для другого уровня создайте новый курс.',
    en: "A course's level ({level}) cannot change; create a new course for another level.",
  },
  'competency.code': {
    kk: 'Белгісіз құзыреттілік коды; мысалы, unesco-cft:1.1 немесе iste-ed:2.5.b түріндегі кодтарды пайдаланыңыз.',
    ru: 'Неизвестный код компетенции; используйте коды вида unesco-cft:1.1 или iste-ed:2.5.b.',
    en: 'Unknown competency code; use codes such as unesco-cft:1.1 or iste-ed:2.5.b.',
  },
  'item.key-only': {
    kk: 'Кілтті түзету тек дұрыс жауапты және бағалауды өзгертеді; мәтін мен нұсқаларды өзгерту үшін сұрақтың жаңа нұсқасын сақтаңыз.',
    ru: 'Исправление ключа меняет только правильный ответ и оценивание; чтобы изменить текст или варианты, сохраните новую версию вопроса.',
    en: 'A key correction changes only the right answer and the scoring; to change texts or choices, save a new version of the item.',
  },
  'grading.levels': {
    kk: 'Рубриканың әр критерийіне бір деңгей таңдаңыз.',
    ru: 'Выберите по одному уровню для каждого критерия рубрики.',
    en: 'Choose one level for every criterion of the rubric.',
  },
  'user.unknown': {
    kk: 'Мұндай пайдаланушы жоқ.',
    ru: 'Такого пользователя нет.',
    en: 'There is no such user.',
  },
  'exception.exists': {
    kk: 'Бұл педагогқа осы курс бойынша рұқсат бұрын берілген.',
    ru: 'Этому педагогу уже дано исключение для этого курса.',
    en: 'This teacher already has an exception for this course.',
  },
  'cohort.ends-before-start': {
    kk: 'Аяқталу күні басталу күнінен бұрын болмауы керек.',
    ru: 'Дата окончания не может быть раньше даты начала.',
    en: 'The end date cannot be before the start date.',
  },
  'cohort.window': {
    kk: 'Жазылу жабылатын уақыт ашылатын уақыттан кейін болуы керек.',
    ru: 'Запись должна закрываться позже, чем открывается.',
    en: 'Enrolment must close after it opens.',
  },
  'csv.header': {
    kk: 'Бірінші жолда бағандар аты болуы керек: cohort және teacher (немесе email, немесе iin).',
    ru: 'В первой строке должны быть названия столбцов: cohort и teacher (или email, или iin).',
    en: 'The first line must name the columns: cohort and teacher (or email, or iin).',
  },
  'csv.syntax': {
    kk: 'CSV файлын оқу мүмкін болмады ({line}-жол маңында). Файлды CSV ретінде қайта сақтаңыз.',
    ru: 'Не удалось прочитать CSV (около строки {line}). Сохраните файл как CSV ещё раз.',
    en: 'The CSV could not be read (near line {line}). Save the file as CSV again.',
  },
  'csv.empty': {
    kk: 'Файл бос.',
    ru: 'Файл пуст.',
    en: 'The file is empty.',
  },
  'service.down': {
    kk: 'Жауап бермейді.',
    ru: 'Не отвечает.',
    en: 'Not responding.',
  },
  invalid: { kk: 'Мән қате.', ru: 'Неверное значение.', en: 'Invalid value.' },
};

/** Names for the positional arguments of class-validator's built-in constraints. */
export const RULE_ARG_NAMES: Record<string, string[]> = {
  maxLength: ['max'],
  minLength: ['min'],
  arrayMaxSize: ['max'],
  arrayMinSize: ['min'],
  min: ['min'],
  max: ['max'],
  'password.too_short': ['min'],
  'password.too_long': ['max'],
};
