import type { Lang, LocalizedText } from '@qadam/contracts';
import { ITEM_RULE_MESSAGES } from '../../assessments/items/item-schema';
import { PLAN_PROBLEM_MESSAGES } from '../../assessments/section-plan';
import { fill, LANGS } from '../../common/i18n/lang';

/** One thing an author must fix, at a line of a file of the package. */
export interface PackageProblem {
  /** Relative to the package's parent folder, with `/`: `my-course/lessons/intro.kk.md`. */
  file: string;
  /** 1-based. */
  line: number;
  /** Stable key of the broken rule, e.g. `schema.required`, `package.missing-body`. */
  rule: string;
  params: Record<string, string | number>;
}

type Messages = Record<Lang, string>;

/** Messages per rule, with `{param}` placeholders. */
export const PACKAGE_PROBLEM_MESSAGES = {
  'yaml.syntax': {
    kk: 'YAML синтаксисінің қатесі: {detail}',
    ru: 'Ошибка синтаксиса YAML: {detail}',
    en: 'YAML syntax error: {detail}',
  },
  'yaml.duplicate-key': {
    kk: 'Бұл кілт осы бөлімде қайталанып тұр',
    ru: 'Этот ключ повторяется в том же разделе',
    en: 'This key is repeated in the same mapping',
  },
  'package.no-course-yaml': {
    kk: 'course.yaml файлы табылмады: әр пакет осы файлдан басталады',
    ru: 'Файл course.yaml не найден: с него начинается каждый пакет',
    en: 'course.yaml not found: every package starts with it',
  },
  'schema.required': {
    kk: 'Міндетті «{property}» өрісі жоқ',
    ru: 'Нет обязательного поля «{property}»',
    en: 'The required field "{property}" is missing',
  },
  'schema.additionalProperties': {
    kk: 'Белгісіз «{property}» өрісі (жазылуын тексеріңіз)',
    ru: 'Неизвестное поле «{property}» (проверьте написание)',
    en: 'Unknown field "{property}" (check the spelling)',
  },
  'schema.type': {
    kk: 'Мұнда {type} болуы керек',
    ru: 'Здесь ожидается {type}',
    en: 'Expected {type} here',
  },
  'schema.enum': {
    kk: '«{value}» мәніне рұқсат жоқ; рұқсат етілген мәндер: {allowed}',
    ru: 'Значение «{value}» недопустимо; допустимые значения: {allowed}',
    en: '"{value}" is not allowed here; use one of: {allowed}',
  },
  'schema.key-format': {
    kk: '«{value}» кілт ретінде жарамайды: кіші латын әріптері мен цифрларды жалғыз дефиспен бөліп жазыңыз, мысалы what-is-ai',
    ru: '«{value}» не подходит как ключ: используйте строчные латинские буквы и цифры, разделённые одиночными дефисами, например what-is-ai',
    en: '"{value}" is not a valid key: use lowercase Latin letters and digits separated by single hyphens, e.g. what-is-ai',
  },
  'schema.competency-code': {
    kk: '«{value}» — белгісіз құзырет коды; мысалы, unesco-cft:1.1 немесе iste-ed:2.5.b күтіледі',
    ru: '«{value}» — неизвестный код компетенции; ожидается, например, unesco-cft:1.1 или iste-ed:2.5.b',
    en: '"{value}" is not a known competency code; expected e.g. unesco-cft:1.1 or iste-ed:2.5.b',
  },
  'schema.url': {
    kk: '«{value}» веб-мекенжай емес: ол http:// немесе https:// деп басталуы керек',
    ru: '«{value}» — не веб-адрес: он должен начинаться с http:// или https://',
    en: '"{value}" is not a web address: it must start with http:// or https://',
  },
  'schema.pattern': {
    kk: '«{value}» {pattern} пішіміне сәйкес келмейді',
    ru: '«{value}» не соответствует формату {pattern}',
    en: '"{value}" does not match the format {pattern}',
  },
  'schema.minimum': {
    kk: 'Мән кемінде {limit} болуы керек',
    ru: 'Значение должно быть не меньше {limit}',
    en: 'The value must be at least {limit}',
  },
  'schema.maximum': {
    kk: 'Мән {limit} санынан аспауы керек',
    ru: 'Значение должно быть не больше {limit}',
    en: 'The value must be at most {limit}',
  },
  'schema.minLength': {
    kk: 'Мәтін тым қысқа (ең аз ұзындығы: {limit})',
    ru: 'Слишком короткий текст (минимальная длина: {limit})',
    en: 'The text is too short (minimum length: {limit})',
  },
  'schema.maxLength': {
    kk: 'Мәтін тым ұзын (ең көп ұзындығы: {limit})',
    ru: 'Слишком длинный текст (максимальная длина: {limit})',
    en: 'The text is too long (maximum length: {limit})',
  },
  'schema.minItems': {
    kk: 'Тізімде элементтер тым аз (ең азы: {limit})',
    ru: 'Слишком мало элементов в списке (минимум: {limit})',
    en: 'Too few items in the list (minimum: {limit})',
  },
  'schema.maxItems': {
    kk: 'Тізімде элементтер тым көп (ең көбі: {limit})',
    ru: 'Слишком много элементов в списке (максимум: {limit})',
    en: 'Too many items in the list (maximum: {limit})',
  },
  'schema.uniqueItems': {
    kk: '«{value}» тізімде екі рет көрсетілген',
    ru: '«{value}» указано в списке дважды',
    en: '"{value}" is listed twice',
  },
  'schema.invalid': {
    kk: 'Жарамсыз мән: {detail}',
    ru: 'Недопустимое значение: {detail}',
    en: 'Invalid value: {detail}',
  },
  'package.slug-mismatch': {
    kk: 'slug «{slug}» қалта атауымен («{folder}») бірдей болуы керек',
    ru: 'slug «{slug}» должен совпадать с именем папки «{folder}»',
    en: 'The slug "{slug}" must equal the folder name "{folder}"',
  },
  'package.duplicate-module-key': {
    kk: '«{key}» модуль кілті басқа модульде қолданылған',
    ru: 'Ключ модуля «{key}» уже занят другим модулем',
    en: 'The module key "{key}" is already used by another module',
  },
  'package.duplicate-lesson-key': {
    kk: '«{key}» сабақ кілті курстың басқа сабағында қолданылған (сабақ кілттері бүкіл курс бойынша қайталанбауы керек)',
    ru: 'Ключ урока «{key}» уже занят другим уроком (ключи уроков уникальны во всём курсе)',
    en: 'The lesson key "{key}" is already used by another lesson (lesson keys are unique across the whole course)',
  },
  'package.duplicate-assessment-key': {
    kk: '«{key}» бағалау кілті басқа бағалауда қолданылған',
    ru: 'Ключ оценивания «{key}» уже занят другим оцениванием',
    en: 'The assessment key "{key}" is already used by another assessment',
  },
  'package.duplicate-section-key': {
    kk: '«{key}» бөлім кілті осы бағалауда қайталанып тұр',
    ru: 'Ключ раздела «{key}» повторяется в этом оценивании',
    en: 'The section key "{key}" is repeated in this assessment',
  },
  'package.window-order': {
    kk: 'Жабылу уақыты ашылу уақытынан кейін болуы керек',
    ru: 'Время закрытия должно быть позже времени открытия',
    en: 'The closing time must be after the opening time',
  },
  'package.bank-key': {
    kk: '«{key}» банк кілті жарамсыз: тек кіші латын әріптері, цифрлар және дефис',
    ru: 'Недопустимый ключ банка «{key}»: только строчные латинские буквы, цифры и дефисы',
    en: 'Invalid bank key "{key}": lower-case Latin letters, digits and hyphens only',
  },
  'package.duplicate-bank': {
    kk: '«{key}» банкі пакетте екі рет бар',
    ru: 'Банк «{key}» встречается в пакете дважды',
    en: 'The bank "{key}" appears twice in the package',
  },
  'package.duplicate-item-key': {
    kk: '«{key}» сұрақ кілті осы банкте қайталанып тұр',
    ru: 'Ключ вопроса «{key}» повторяется в этом банке',
    en: 'The item key "{key}" is repeated in this bank',
  },
  'package.unknown-module': {
    kk: '«{module}» кілті бар модуль жоқ',
    ru: 'Модуля с ключом «{module}» нет',
    en: 'There is no module with the key "{module}"',
  },
  'package.missing-translation': {
    kk: 'Атаудың {lang} тіліндегі мәтіні жоқ, ал курс бұл тілде ұсынылады',
    ru: 'У названия нет текста на языке {lang}, хотя курс предлагается на нём',
    en: 'The title has no text in {lang}, a language the course offers',
  },
  'content.untagged-lesson': {
    kk: '«{lesson}» сабағында құзыреттер коды жоқ: әр сабақ UNESCO/ISTE кодымен белгіленеді',
    ru: 'У урока «{lesson}» нет кодов компетенций: каждый урок помечается кодами UNESCO/ISTE',
    en: 'The lesson "{lesson}" has no competency codes: every lesson is tagged with UNESCO/ISTE codes',
  },
  'content.no-sources': {
    kk: '«{lesson}» сабағы дереккөздерін көрсетпейді (sources)',
    ru: 'Урок «{lesson}» не указывает источники (sources)',
    en: 'The lesson "{lesson}" cites no sources (sources)',
  },
  'content.courses-doc-stale': {
    kk: 'docs/COURSES.md курстарға сәйкес емес: npm run courses:check -- --write орындаңыз',
    ru: 'docs/COURSES.md не соответствует курсам: выполните npm run courses:check -- --write',
    en: 'docs/COURSES.md does not match the courses: run npm run courses:check -- --write',
  },
  'package.missing-body': {
    kk: 'Сабақ мәтіні жоқ: {file} файлы табылмады (курс {lang} тілінде ұсынылады)',
    ru: 'Нет текста урока: файл {file} не найден (курс предлагается на языке {lang})',
    en: 'The lesson text is missing: {file} not found (the course offers {lang})',
  },
  'package.unlisted-file': {
    kk: 'Бұл файл ешбір сабаққа тиесілі емес: сабақ файлдары lessons/<сабақ-кілті>.<тіл>.md деп аталады, кілт course.yaml ішінен, тіл languages тізімінен алынады',
    ru: 'Этот файл не относится ни к одному уроку: файлы уроков называются lessons/<ключ-урока>.<язык>.md, где ключ взят из course.yaml, а язык — из languages',
    en: 'This file belongs to no lesson: lesson files are named lessons/<lesson-key>.<lang>.md, with a lesson key from course.yaml and a language from languages',
  },
  'markdown.html': {
    kk: 'HTML тегіне ({tag}) рұқсат жоқ, ол қарапайым мәтін болып көрсетіледі: оның орнына Markdown қолданыңыз',
    ru: 'HTML-разметка ({tag}) не допускается и будет показана как обычный текст: используйте Markdown',
    en: 'Raw HTML ({tag}) is not allowed and would be shown as plain text: use Markdown',
  },
  'markdown.unsafe-link': {
    kk: '«{url}» мекенжайына рұқсат жоқ: сілтемелер тек http://, https:// немесе mailto: арқылы, ал суреттер тек толық https:// мекенжайымен беріледі',
    ru: 'Адрес «{url}» недопустим: ссылки могут использовать только http://, https:// или mailto:, а изображения — только полный адрес https://',
    en: 'The address "{url}" is not allowed: links may use only http://, https:// or mailto:, and images only a full https:// address',
  },
  'markdown.image-not-https': {
    kk: '«{url}» суреті көрсетілмейді: суреттер https:// арқылы берілуі керек',
    ru: 'Изображение «{url}» не будет показано: изображения должны загружаться по https://',
    en: 'The image "{url}" would not be shown: images must use https://',
  },
  'markdown.empty': {
    kk: 'Сабақ мәтіні бос',
    ru: 'Текст урока пуст',
    en: 'The lesson text is empty',
  },
} as const satisfies Record<string, Messages>;

export type PackageProblemRule = keyof typeof PACKAGE_PROBLEM_MESSAGES;

export function isPackageProblemRule(rule: string): rule is PackageProblemRule {
  return Object.prototype.hasOwnProperty.call(PACKAGE_PROBLEM_MESSAGES, rule);
}

// JSON Schema type names, said the way an author reads them.
const TYPE_NAMES: Record<string, Messages> = {
  object: {
    kk: 'өрістер жиыны (кілт: мән)',
    ru: 'набор полей (ключ: значение)',
    en: 'a mapping (key: value)',
  },
  array: { kk: 'тізім', ru: 'список', en: 'a list' },
  string: { kk: 'мәтін', ru: 'текст', en: 'text' },
  integer: { kk: 'бүтін сан', ru: 'целое число', en: 'a whole number' },
  number: { kk: 'сан', ru: 'число', en: 'a number' },
  boolean: { kk: 'true немесе false', ru: 'true или false', en: 'true or false' },
  null: { kk: 'бос мән', ru: 'пустое значение', en: 'nothing' },
};
const OR: Messages = { kk: ' немесе ', ru: ' или ', en: ' or ' };

function typeName(types: string, lang: Lang): string {
  return types
    .split(',')
    .map((t) => TYPE_NAMES[t]?.[lang] ?? t)
    .join(OR[lang]);
}

// Rules of the item and section checks, which packages share with the authoring API.
const OTHER_MESSAGES: Record<string, Messages> = {
  ...ITEM_RULE_MESSAGES,
  ...PLAN_PROBLEM_MESSAGES,
};

/** A rule's message in one language, without a place: what the API puts in a field problem. */
export function problemMessage(
  rule: string,
  params: Record<string, string | number>,
  lang: Lang,
): string {
  const filled =
    typeof params.type === 'string' ? { ...params, type: typeName(params.type, lang) } : params;
  const template = isPackageProblemRule(rule)
    ? PACKAGE_PROBLEM_MESSAGES[rule][lang]
    : (OTHER_MESSAGES[rule]?.[lang] ?? rule);
  return fill(template, filled);
}

/** A rule's message in every language. */
export function problemMessages(
  rule: string,
  params: Record<string, string | number>,
): LocalizedText {
  return Object.fromEntries(
    LANGS.map((lang) => [lang, problemMessage(rule, params, lang)]),
  ) as LocalizedText;
}

/** `"<file>:<line>: <message>"` in the given language; an unknown rule is shown by its key. */
export function formatProblem(p: PackageProblem, lang: Lang): string {
  return `${p.file}:${p.line}: ${problemMessage(p.rule, p.params, lang)}`;
}
