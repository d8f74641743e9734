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
