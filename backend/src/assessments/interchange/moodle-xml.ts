import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeXmlEntities, htmlToText, tidy } from './html-text';
import {
  INTERCHANGE_MAX_BYTES,
  nameOrStart,
  normalizeCategoryPath,
  type ImportOptions,
  type InterchangeProblem,
  type ParsedItem,
  type ParseResult,
} from './interchange';
import {
  buildItem,
  percentToFraction,
  type Draft,
  type DraftBody,
  type DraftChoice,
  type DraftNumber,
  type Note,
} from './item-builder';
import { readRubricNote } from './rubric-note';

/** Larger files are refused unread. */
export const MOODLE_XML_MAX_BYTES = INTERCHANGE_MAX_BYTES;

const REPEATED = new Set(['question', 'answer', 'subquestion', 'tag']);

/**
 * The parser never sees a DTD (those files are refused first), and in case one slipped through
 * it is given a decoder that knows XML's five entities and numeric references and ignores every
 * declared entity: nothing can be read from disk or the network, and nothing can expand.
 */
function makeParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    htmlEntities: false,
    processEntities: true,
    entityDecoder: {
      setExternalEntities: () => undefined,
      addInputEntities: () => undefined,
      reset: () => undefined,
      setXmlVersion: () => undefined,
      decode: decodeXmlEntities,
    },
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATED.has(name),
  });
}

type XNode = Record<string, unknown>;

function isNode(v: unknown): v is XNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

function list(v: unknown): XNode[] {
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(isNode);
}

/** An element's own text: `<x>text</x>` comes out as a string, `<x a="1">text</x>` as #text. */
function ownText(v: unknown): string {
  const el = first(v);
  if (typeof el === 'string') return el;
  if (isNode(el) && typeof el['#text'] === 'string') return el['#text'];
  return '';
}

/** The `<text>` inside a child element: `<name><text>…</text></name>`. */
function textIn(node: XNode, name: string): string {
  const el = first(node[name]);
  return isNode(el) ? ownText(el.text) : '';
}

function attr(node: XNode, name: string): string {
  const v = node[`@_${name}`];
  return typeof v === 'string' ? v : '';
}

/** 1-based lines of each `<question` start tag, skipping CDATA sections and comments. */
function questionLines(xml: string): number[] {
  const lines: number[] = [];
  const re = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<question(?=[\s>/])/g;
  let line = 1;
  let pos = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    for (let i = pos; i < m.index; i++) if (xml.charCodeAt(i) === 10) line++;
    if (m[0].startsWith('<question')) lines.push(line);
    else for (const ch of m[0]) if (ch === '\n') line++;
    pos = re.lastIndex;
  }
  return lines;
}

function fileProblem(rule: Note['rule'], params?: Note['params'], line?: number): ParseResult {
  const p: InterchangeProblem = { index: 0, name: '', rule };
  if (params) p.params = params;
  if (line !== undefined) p.line = line;
  return { items: [], problems: [p] };
}

class Refusal {
  constructor(readonly note: Note) {}
}

/** Per-question reading state: where images went and what else was lost. */
class Reader {
  readonly warnings: Note[] = [];
  private readonly images = new Set<string>();

  /** A formatted text element (`<questiontext format="html"><text>…`) as plain text. */
  formatted(el: unknown): string {
    const node = first(el);
    if (!isNode(node)) return '';
    const raw = ownText(node.text);
    const format = attr(node, 'format') || 'moodle_auto_format';
    if (format === 'plain_text' || format === 'markdown') return tidy(raw);
    // moodle_auto_format is text whose newlines are line breaks and which may hold HTML.
    const html = format === 'html' ? raw : raw.replace(/\n/g, '<br>');
    const { text, images } = htmlToText(html);
    for (const file of images) {
      if (!this.images.has(file)) {
        this.images.add(file);
        this.warnings.push({ rule: 'moodle.image-dropped', params: { file } });
      }
    }
    return text;
  }

  fraction(answer: XNode): number {
    const raw = attr(answer, 'fraction').trim() || '0';
    const percent = Number(raw);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(raw) || !(percent >= -100 && percent <= 100)) {
      throw new Refusal({ rule: 'item.bad-fraction', params: { value: raw } });
    }
    return percentToFraction(percent);
  }
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function parseNumber(raw: string): number {
  const s = raw.trim();
  return NUMBER.test(s) ? Number(s) : NaN;
}

function choices(q: XNode, r: Reader): DraftChoice[] {
  return list(q.answer).map((a) => ({
    text: r.formatted(a),
    fraction: r.fraction(a),
    feedback: r.formatted(a.feedback),
  }));
}

function readBody(q: XNode, type: string, r: Reader): DraftBody {
  switch (type) {
    case 'multichoice': {
      const single = ownText(q.single);
      return {
        type: 'choice',
        // Moodle's default is a single answer.
        single: !['false', '0'].includes(single.trim().toLowerCase()),
        choices: choices(q, r),
      };
    }
    case 'truefalse': {
      const answers = list(q.answer);
      const right = answers.findIndex((a) => r.fraction(a) >= 1);
      if (right < 0) return { type: 'true_false' };
      const word = ownText(answers[right].text).trim().toLowerCase();
      // Moodle writes "true" then "false"; the position decides if the words were changed.
      const answer = word === 'true' ? true : word === 'false' ? false : right === 0;
      const wrong = answers.find((_, i) => i !== right);
      return {
        type: 'true_false',
        answer,
        rightFeedback: r.formatted(answers[right].feedback),
        wrongFeedback: wrong ? r.formatted(wrong.feedback) : undefined,
      };
    }
    case 'shortanswer':
      return {
        type: 'short_answer',
        // Answers are what a student types, so they are taken as written, not as HTML.
        answers: list(q.answer).map((a) => ({
          text: tidy(ownText(a.text)),
          fraction: r.fraction(a),
          feedback: r.formatted(a.feedback),
        })),
        caseSensitive: ['1', 'true'].includes(ownText(q.usecase).trim().toLowerCase()),
      };
    case 'numerical': {
      const units = first(q.units);
      if (isNode(units) && list(units.unit).length > 0) {
        r.warnings.push({ rule: 'moodle.units-ignored' });
      }
      return {
        type: 'numeric',
        answers: list(q.answer).map((a): DraftNumber => {
          const raw = ownText(a.text).trim();
          const rawTolerance = ownText(a.tolerance).trim() || '0';
          return {
            raw,
            value: parseNumber(raw),
            rawTolerance,
            tolerance: parseNumber(rawTolerance),
            fraction: r.fraction(a),
            feedback: r.formatted(a.feedback),
          };
        }),
      };
    }
    case 'matching':
      return {
        type: 'matching',
        pairs: list(q.subquestion).map((s) => ({
          left: r.formatted(s),
          // Moodle shows the answers in a drop-down: they are plain text.
          right: tidy(textIn(s, 'answer')),
        })),
      };
    case 'essay': {
      const info = first(q.graderinfo);
      const note = isNode(info) ? readRubricNote(ownText(info.text)) : null;
      if (note) return { type: 'essay', exact: note };
      if (r.formatted(q.graderinfo)) r.warnings.push({ rule: 'moodle.graderinfo-dropped' });
      return { type: 'essay' };
    }
    default:
      throw new Refusal({ rule: 'moodle.unsupported-type', params: { type: type || '?' } });
  }
}

function readPoints(q: XNode): number | undefined {
  const raw = ownText(q.defaultgrade).trim();
  if (!raw) return undefined;
  const n = parseNumber(raw);
  if (!(n > 0 && n <= 100)) throw new Refusal({ rule: 'item.bad-points', params: { value: raw } });
  return Math.round(n * 1e7) / 1e7;
}

function readDraft(q: XNode, type: string, prompt: string, r: Reader): Draft {
  if (!SUPPORTED.has(type)) {
    throw new Refusal({ rule: 'moodle.unsupported-type', params: { type: type || '?' } });
  }
  const points = readPoints(q);
  const tagsEl = first(q.tags);
  return {
    prompt,
    general: r.formatted(q.generalfeedback),
    correct: r.formatted(q.correctfeedback) || undefined,
    incorrect: r.formatted(q.incorrectfeedback) || undefined,
    tags: isNode(tagsEl) ? list(tagsEl.tag).map((t) => ownText(t.text)) : [],
    points,
    body: readBody(q, type, r),
  };
}

const SUPPORTED = new Set([
  'multichoice',
  'truefalse',
  'shortanswer',
  'numerical',
  'matching',
  'essay',
]);

/**
 * Reads a Moodle XML question export. Questions that cannot be imported are reported and
 * skipped; the rest come back with the bank (category) they were in.
 */
export function parseMoodleXml(xml: string, opts: ImportOptions): ParseResult {
  if (Buffer.byteLength(xml, 'utf8') > MOODLE_XML_MAX_BYTES) {
    return fileProblem('interchange.too-large', { limit: '10 MB' });
  }
  // No DTDs at all, even quoted in a CDATA section: a question bank never needs one.
  if (/<!\s*(DOCTYPE|ENTITY)/i.test(xml)) return fileProblem('moodle.doctype');
  const source = xml.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    return fileProblem('moodle.malformed', { detail: valid.err.msg }, valid.err.line);
  }
  let doc: unknown;
  try {
    doc = makeParser().parse(source);
  } catch (e) {
    return fileProblem('moodle.malformed', { detail: (e as Error).message });
  }
  if (!isNode(doc) || !('quiz' in doc)) return fileProblem('moodle.not-quiz');
  const quiz = doc.quiz;
  const questions = isNode(quiz) ? list(quiz.question) : [];
  const lines = questionLines(source);
  // Lines are only trusted when every <question> tag found is one of the quiz's questions.
  const lineOf = (i: number) => (lines.length === questions.length ? lines[i] : undefined);

  const items: ParsedItem[] = [];
  const problems: InterchangeProblem[] = [];
  let bank = opts.defaultBank;
  let index = 0;
  for (const [i, q] of questions.entries()) {
    const type = attr(q, 'type').trim();
    if (type === 'category') {
      bank = normalizeCategoryPath(textIn(q, 'category'), opts.defaultBank);
      continue;
    }
    index += 1;
    const line = lineOf(i);
    const r = new Reader();
    const where = (name: string, note: Note): InterchangeProblem => {
      const p: InterchangeProblem = { index, name, rule: note.rule };
      if (line !== undefined) p.line = line;
      if (note.params) p.params = note.params;
      return p;
    };
    let name = textIn(q, 'name').trim();
    try {
      const prompt = r.formatted(q.questiontext);
      name = nameOrStart(name, prompt);
      const built = buildItem(readDraft(q, type, prompt, r), opts, r.warnings);
      if (!built.ok) {
        problems.push(where(name, built.problem));
        continue;
      }
      const item: ParsedItem = {
        index,
        name,
        bank,
        definition: built.definition,
        warnings: r.warnings.map((w) => where(name, w)),
      };
      if (line !== undefined) item.line = line;
      items.push(item);
    } catch (e) {
      if (e instanceof Refusal) problems.push(where(name, e.note));
      else problems.push(where(name, { rule: 'item.unreadable', params: { detail: String(e) } }));
    }
  }
  if (index === 0) problems.push({ index: 0, name: '', rule: 'interchange.empty' });
  return { items, problems };
}
