import type { Difficulty, ItemDefinition, Lang, TranslatableText } from '@qadam/contracts';
import { fill } from '../../common/i18n/lang';

/** What the importer needs to know that a Moodle XML or GIFT file does not say. */
export interface ImportOptions {
  /** The language the file's texts are in. */
  lang: Lang;
  /** Default competency tags for questions that carry none. */
  competencies: readonly string[];
  /** Default difficulty (neither format has one). */
  difficulty: Difficulty;
  /** Bank path for questions before any category. */
  defaultBank: string;
}

/** One problem, either with a question (index ≥ 1) or with the whole file (index 0). */
export interface InterchangeProblem {
  index: number;
  name: string;
  line?: number;
  /** Key into INTERCHANGE_MESSAGES. */
  rule: string;
  params?: Record<string, string | number>;
}

export interface ParsedItem {
  /** 1-based position of the question in the file; categories are not counted. */
  index: number;
  name: string;
  line?: number;
  /** Category path with Moodle's `$course$/top/` prefix removed, segments joined with ' / '. */
  bank: string;
  definition: ItemDefinition;
  /** Imported, but something was lost or needs review. */
  warnings: InterchangeProblem[];
}

export interface ParseResult {
  items: ParsedItem[];
  /** Questions not imported and why, plus file-level problems with index 0. */
  problems: InterchangeProblem[];
}

/** Both importers refuse larger files: a question bank this size is a mistake or an attack. */
export const INTERCHANGE_MAX_BYTES = 10 * 1024 * 1024;

type Messages = Record<Lang, string>;

/** Messages per rule, with `{param}` placeholders. */
export const INTERCHANGE_MESSAGES = {
  'interchange.too-large': {
    kk: 'Файл тым үлкен: ең үлкен өлшемі — {limit}',
    ru: 'Файл слишком большой: предельный размер — {limit}',
    en: 'The file is too large: the limit is {limit}',
  },
  'interchange.empty': {
    kk: 'Файлда бірде-бір сұрақ табылмады',
    ru: 'В файле не найдено ни одного вопроса',
    en: 'No questions were found in the file',
  },
  'moodle.doctype': {
    kk: 'Файлда DOCTYPE немесе ENTITY жарияланымы бар: қауіпсіздік үшін мұндай XML қабылданбайды. Файлды Moodle-дан қайта экспорттаңыз немесе бұл жарияланымдарды өшіріңіз',
    ru: 'Файл содержит объявление DOCTYPE или ENTITY: из соображений безопасности такой XML не принимается. Экспортируйте файл из Moodle заново или удалите эти объявления',
    en: 'The file contains a DOCTYPE or ENTITY declaration, which is refused for security: export the file from Moodle again or remove the declarations',
  },
  'moodle.malformed': {
    kk: 'XML файлы бүлінген, оны оқу мүмкін емес: {detail}',
    ru: 'XML-файл повреждён и не может быть прочитан: {detail}',
    en: 'The XML file is malformed and cannot be read: {detail}',
  },
  'moodle.not-quiz': {
    kk: 'Бұл Moodle XML файлы емес: түбір элементі <quiz> болуы керек',
    ru: 'Это не файл Moodle XML: корневой элемент должен быть <quiz>',
    en: 'This is not a Moodle XML file: the root element must be <quiz>',
  },
  'moodle.unsupported-type': {
    kk: '«{type}» түріндегі сұрақтарды импорттауға қолдау көрсетілмейді',
    ru: 'Импорт вопросов типа «{type}» не поддерживается',
    en: 'Questions of type "{type}" cannot be imported',
  },
  'moodle.image-dropped': {
    kk: '«{file}» суреті импортталмады: қажет болса, оны сұраққа қолмен қосыңыз',
    ru: 'Изображение «{file}» не импортировано: при необходимости добавьте его в вопрос вручную',
    en: 'The image "{file}" was not imported: add it to the question by hand if it is needed',
  },
  'moodle.units-ignored': {
    kk: 'Өлшем бірліктері ескерілмеді: тек сан тексеріледі',
    ru: 'Единицы измерения проигнорированы: проверяется только число',
    en: 'The units were ignored: only the number is checked',
  },
  'moodle.graderinfo-dropped': {
    kk: 'Бағалаушыға арналған ақпарат импортталмады: оны рубрикаға көшіріңіз',
    ru: 'Информация для оценивающего не импортирована: перенесите её в рубрику',
    en: 'The information for graders was not imported: move it into the rubric',
  },
  'moodle.export-ordering': {
    kk: 'Ретке келтіру сұрақтары экспортталмайды: Moodle-дың негізгі құрамында мұндай сұрақ түрі жоқ',
    ru: 'Вопросы на упорядочивание не экспортируются: в стандартном Moodle нет такого типа вопросов',
    en: 'Ordering questions are not exported: core Moodle has no such question type',
  },
  'gift.image-dropped': {
    kk: '«{file}» суреті импортталмады: қажет болса, оны сұраққа қолмен қосыңыз',
    ru: 'Изображение «{file}» не импортировано: при необходимости добавьте его в вопрос вручную',
    en: 'The image "{file}" was not imported: add it to the question by hand if it is needed',
  },
  'gift.unbalanced-braces': {
    kk: 'Фигуралық жақшалар жұптаспайды ({at}-жол): жауаптар блогы бір { белгісімен ашылып, бір } белгісімен жабылады; мәтіндегі жақшаларды \\{ және \\} деп жазыңыз',
    ru: 'Фигурные скобки не парны (строка {at}): блок ответов открывается одной { и закрывается одной }; скобки в тексте пишите как \\{ и \\}',
    en: 'The braces do not pair up (line {at}): an answer block opens with one { and closes with one }; write braces in text as \\{ and \\}',
  },
  'gift.no-answer-block': {
    kk: 'Жауаптар блогы {…} жоқ: жауаптарды сұрақ мәтінінен кейін фигуралық жақшаға алып жазыңыз',
    ru: 'Нет блока ответов {…}: запишите ответы в фигурных скобках после текста вопроса',
    en: 'There is no answer block {…}: write the answers in braces after the question text',
  },
  'gift.several-answer-blocks': {
    kk: 'Сұрақта бірнеше жауаптар блогы бар: тек біреуіне рұқсат етіледі (бірнеше бос орны бар Cloze сұрақтарына қолдау көрсетілмейді)',
    ru: 'В вопросе несколько блоков ответов: допускается только один (вопросы Cloze с несколькими пропусками не поддерживаются)',
    en: 'The question has several answer blocks: only one is allowed (cloze questions with several gaps are not supported)',
  },
  'gift.empty-answer': {
    kk: 'Жауаптар блогында бос жауап бар: = немесе ~ белгісінен кейін мәтін жазылмаған',
    ru: 'В блоке ответов есть пустой ответ: после = или ~ нет текста',
    en: 'The answer block has an empty answer: nothing follows = or ~',
  },
  'gift.unknown-construct': {
    kk: '{block} жауаптар блогы GIFT сұрақ түрлерінің ешқайсысына сәйкес келмейді',
    ru: 'Блок ответов {block} не соответствует ни одному типу вопросов GIFT',
    en: 'The answer block {block} matches no GIFT question type',
  },
  'gift.unclosed-title': {
    kk: 'Сұрақтың атауы жабылмаған: атау ::Атауы:: түрінде жазылады',
    ru: 'Название вопроса не закрыто: название записывается как ::Название::',
    en: 'The question title is not closed: write it as ::Title::',
  },
  'gift.syntax': {
    kk: 'GIFT синтаксисінің қатесі: «{found}» күтпеген жерде тұр; мәтіндегі ~ = # { } : таңбаларының алдына \\ қойыңыз',
    ru: 'Ошибка синтаксиса GIFT: неожиданное «{found}»; в тексте ставьте \\ перед символами ~ = # { } :',
    en: 'GIFT syntax error: unexpected "{found}"; put \\ before ~ = # { } : in text',
  },
  'item.unreadable': {
    kk: 'Сұрақты оқу мүмкін болмады: {detail}',
    ru: 'Не удалось прочитать вопрос: {detail}',
    en: 'The question could not be read: {detail}',
  },
  'item.no-text': {
    kk: 'Сұрақтың мәтіні жоқ',
    ru: 'У вопроса нет текста',
    en: 'The question has no text',
  },
  'item.too-few-options': {
    kk: 'Жауап нұсқалары тым аз: кемінде {min} нұсқа керек',
    ru: 'Слишком мало вариантов ответа: нужно не меньше {min}',
    en: 'Too few answer options: at least {min} are needed',
  },
  'item.empty-answer': {
    kk: '{position}-жауаптың мәтіні бос',
    ru: 'Ответ № {position} пуст',
    en: 'Answer {position} is empty',
  },
  'item.bad-fraction': {
    kk: '«{value}» бағаның үлесі ретінде жарамайды: ол -100 мен 100 аралығындағы пайыз болуы керек',
    ru: '«{value}» не подходит как доля оценки: нужен процент от -100 до 100',
    en: '"{value}" is not a valid grade: it must be a percentage from -100 to 100',
  },
  'item.bad-points': {
    kk: '«{value}» ұпай саны ретінде жарамайды: ол 0-ден үлкен және 100-ден аспайтын сан болуы керек',
    ru: '«{value}» не подходит как количество баллов: нужно число больше 0 и не больше 100',
    en: '"{value}" is not a valid number of points: it must be above 0 and at most 100',
  },
  'item.bad-number': {
    kk: '«{value}» дұрыс сан емес',
    ru: '«{value}» не является допустимым числом',
    en: '"{value}" is not a valid number',
  },
  'item.no-correct-answer': {
    kk: 'Бірде-бір дұрыс жауап белгіленбеген',
    ru: 'Не отмечен ни один правильный ответ',
    en: 'No answer is marked correct',
  },
  'item.no-full-credit': {
    kk: 'Толық ұпай алу мүмкін емес: кемінде бір жауап 100% тұруы керек',
    ru: 'Получить полный балл невозможно: хотя бы один ответ должен стоить 100%',
    en: 'Full marks cannot be reached: at least one answer must be worth 100%',
  },
  'item.fractions-sum': {
    kk: 'Дұрыс жауаптардың үлестерінің қосындысы 100% болуы керек (қазір: {sum}%)',
    ru: 'Доли правильных ответов в сумме должны составлять 100% (сейчас: {sum}%)',
    en: 'The grades of the correct answers must add up to 100% (now: {sum}%)',
  },
  'item.matching-shared-answer': {
    kk: '«{answer}» жауабы бірнеше сұраққа ортақ: мұнда әр сұрақтың өз жауабы болуы керек',
    ru: 'Ответ «{answer}» общий для нескольких подвопросов: здесь у каждого подвопроса должен быть свой ответ',
    en: 'The answer "{answer}" is shared by several stems: here each stem needs its own answer',
  },
  'item.matching-too-few': {
    kk: 'Сәйкестендіру үшін кемінде екі жұп керек',
    ru: 'Для сопоставления нужно не меньше двух пар',
    en: 'Matching needs at least two pairs',
  },
  'item.no-competency': {
    kk: 'Сұрақта құзырет коды жоқ: оны тег ретінде көрсетіңіз (мысалы, unesco-cft:1.1) немесе импорт кезінде әдепкі құзыреттерді таңдаңыз',
    ru: 'У вопроса нет кода компетенции: укажите его тегом (например, unesco-cft:1.1) или выберите компетенции по умолчанию при импорте',
    en: 'The question has no competency code: give one as a tag (e.g. unesco-cft:1.1) or choose default competencies for the import',
  },
  'item.unknown-competency': {
    kk: '«{code}» — белгісіз құзырет коды, ол ескерілмеді',
    ru: '«{code}» — неизвестный код компетенции, он проигнорирован',
    en: '"{code}" is not a known competency code and was ignored',
  },
  'item.rubric-review': {
    kk: 'Эссе үшін бір критерийлі әдепкі рубрика жасалды: оны тексеріп, толықтырыңыз',
    ru: 'Для эссе создана рубрика по умолчанию с одним критерием: проверьте и дополните её',
    en: 'A default one-criterion rubric was created for the essay: review and refine it',
  },
  'item.wrong-answers-dropped': {
    kk: '0% тұратын жауаптар ескерілмеді ({count}): тек қабылданатын жауаптар сақталады',
    ru: 'Ответы с оценкой 0% проигнорированы ({count}): сохраняются только принимаемые ответы',
    en: 'Answers worth 0% were ignored ({count}): only accepted answers are kept',
  },
} as const satisfies Record<string, Messages>;

export type InterchangeRule = keyof typeof INTERCHANGE_MESSAGES;

export function isInterchangeRule(rule: string): rule is InterchangeRule {
  return Object.prototype.hasOwnProperty.call(INTERCHANGE_MESSAGES, rule);
}

const LABELS: Record<Lang, { file: string; question: string; line: string }> = {
  kk: { file: 'Файл', question: '{index}-сұрақ', line: '{line}-жол' },
  ru: { file: 'Файл', question: 'Вопрос {index}', line: 'строка {line}' },
  en: { file: 'File', question: 'Question {index}', line: 'line {line}' },
};
const QUOTES: Record<Lang, [string, string]> = { kk: ['«', '»'], ru: ['«', '»'], en: ['"', '"'] };

/**
 * `Question 3 "name" (line 12): message` in the given language (`File (line 5): …` for
 * file-level problems); an unknown rule is shown by its key.
 */
export function formatInterchangeProblem(p: InterchangeProblem, lang: Lang): string {
  const labels = LABELS[lang];
  let where = p.index > 0 ? fill(labels.question, { index: p.index }) : labels.file;
  if (p.index > 0 && p.name) where += ` ${QUOTES[lang][0]}${p.name}${QUOTES[lang][1]}`;
  if (p.line !== undefined) where += ` (${fill(labels.line, { line: p.line })})`;
  const template = isInterchangeRule(p.rule) ? INTERCHANGE_MESSAGES[p.rule][lang] : p.rule;
  return `${where}: ${fill(template, p.params)}`;
}

/**
 * A Moodle category path as a bank name: `$course$/top/Default/AI basics` → `Default / AI
 * basics`. Moodle writes a `/` inside a category name as `//`.
 */
export function normalizeCategoryPath(path: string, defaultBank: string): string {
  const segments = path
    .trim()
    .replace(/^\$[a-z0-9]+\$\/?/i, '')
    .replace(/\/\//g, '\uE000')
    .split('/')
    .map((s) => s.replace(/\uE000/g, '/').trim())
    .filter((s) => s !== '');
  if (segments[0] === 'top') segments.shift();
  return segments.length ? segments.join(' / ') : defaultBank;
}

/** A text in one language, or nothing when it is empty. */
export function inLanguage(text: string | undefined, lang: Lang): TranslatableText | undefined {
  const t = text?.trim();
  return t ? { [lang]: t } : undefined;
}

/** What a problem report calls a question that has no name: the start of its text. */
export function nameOrStart(name: string, text: string): string {
  const n = name.trim();
  if (n) return n;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}
