import {
  parse as parseGiftText,
  type GIFTQuestion,
  type NumericalChoice,
  type NumericalFormat,
  type TextFormat,
} from 'gift-pegjs';
import { isCompetencyCode } from '../../courses/competency-codes';
import { htmlToText, tidy } from './html-text';
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
  type DraftBody,
  type DraftChoice,
  type DraftNumber,
  type Note,
} from './item-builder';

/**
 * GIFT import on top of gift-pegjs (a PEG grammar of Moodle's GIFT, CommonJS, typed). The
 * grammar parses one question well but stops at the first error of a file, and it is stricter
 * than Moodle in the question text, so this module does the file-level work itself:
 *
 * - the file is split into questions on blank lines; `//` lines are comments (also inside a
 *   question), and each question goes to the grammar on its own, so one broken question is
 *   reported and the others still import;
 * - `$CATEGORY: path` sets the bank of the questions after it;
 * - the title, the one answer block `{…}` and its braces are found here, with `\` escapes, so a
 *   broken question gets a precise reason and its starting line;
 * - `: = ~ #` in the title and question text are escaped before parsing (Moodle reads them
 *   there as plain characters; the grammar would refuse them), and line breaks in plain text are
 *   kept as `\n`.
 *
 * Competencies: GIFT has no tags of its own. A comment line in the question (usually directly
 * above it) sets them:
 *
 *     // competencies: unesco-cft:1.1, iste-ed:2.3.b
 *     ::Title:: Question text {=right ~wrong}
 *
 * Moodle's own tag comments work as well (`// [tag:unesco-cft:1.1] [tag:difficulty:hard]`).
 * Questions without either get `opts.competencies`.
 */

export const GIFT_MAX_BYTES = INTERCHANGE_MAX_BYTES;

interface SourceLine {
  no: number;
  text: string;
}

class Refusal {
  constructor(readonly note: Note) {}
}

/** The file's questions: runs of non-blank lines. */
function chunks(text: string): SourceLine[][] {
  const out: SourceLine[][] = [];
  let current: SourceLine[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') {
      if (current.length) out.push(current);
      current = [];
    } else {
      current.push({ no: i + 1, text: line });
    }
  });
  if (current.length) out.push(current);
  return out;
}

const TAG = /\[tag:([^\]\n]+)\]/g;
const COMPETENCIES = /^\/\/\s*competencies\s*:(.*)$/i;

/** Tags from a question's comment lines; bad codes in a `competencies:` line are warned about. */
function commentTags(comments: string[], warnings: Note[]): string[] {
  const tags: string[] = [];
  for (const c of comments) {
    const directive = COMPETENCIES.exec(c.trim());
    if (directive) {
      for (const code of directive[1].split(/[\s,;]+/).filter(Boolean)) {
        if (isCompetencyCode(code.toLowerCase())) tags.push(code);
        else warnings.push({ rule: 'item.unknown-competency', params: { code } });
      }
    }
    for (const m of c.matchAll(TAG)) tags.push(m[1]);
  }
  return tags;
}

/** Index of the next unescaped `needle` at or after `from`, or -1. */
function findUnescaped(s: string, needle: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s.startsWith(needle, i)) return i;
  }
  return -1;
}

/** Escapes `: = ~ #` (and, in plain text, line breaks) that are not escaped already. */
function escapeLoose(s: string, newlines: boolean): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\') {
      out += s.slice(i, i + 2);
      i++;
    } else if (ch === ':' || ch === '=' || ch === '~' || ch === '#') out += `\\${ch}`;
    else if (ch === '\n' && newlines) out += '\\n';
    else out += ch;
  }
  return out;
}

/**
 * Inside an answer block a `:` is text (the grammar wants it escaped) except between a number
 * and its tolerance (`{#3:0.1}`); and in numerical blocks a number may follow its `=` or weight
 * after a space, which the grammar would read as "any answer".
 */
function prepareBlock(content: string): string {
  const numeric = content.trimStart().startsWith('#');
  let out = '';
  let leading = numeric;
  let feedback = false;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (ch === '\\') {
      out += content.slice(i, i + 2);
      i++;
    } else if (ch === ':') {
      out += numeric && !feedback ? ':' : '\\:';
    } else if (numeric && ch === '#') {
      // The first `#` marks the block as numerical; later ones start feedback.
      if (leading) leading = false;
      else feedback = true;
      out += ch;
    } else if (numeric && (ch === '=' || ch === '~')) {
      feedback = false;
      out += ch;
      let j = i + 1;
      while (content[j] === ' ' || content[j] === '\t') j++;
      const weight = /^%[^%\n]*%/.exec(content.slice(j, j + 20));
      if (weight) {
        out += weight[0];
        j += weight[0].length;
        while (content[j] === ' ' || content[j] === '\t') j++;
      }
      i = j - 1;
    } else out += ch;
  }
  // `{#3.14:0.01#feedback}` is Moodle's; the grammar only takes feedback in the `=` form.
  return numeric ? out.replace(/^(\s*#)\s*(?![=~#\s])/, '$1=') : out;
}

const WEIGHT = /(?:^|[=~])\s*%([^%\n]*)%/g;

function checkWeights(masked: string): void {
  for (const m of masked.matchAll(WEIGHT)) {
    const value = m[1].trim();
    const n = Number(value);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value) || n < -100 || n > 100) {
      throw new Refusal({ rule: 'item.bad-fraction', params: { value } });
    }
  }
}

const EMPTY_ANSWER = /(?:^|[\s#])[=~](?:%[^%]*%)?\s*(?=$|[=~#])/;

function snippet(block: string): string {
  const flat = block.replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 39)}…}` : flat;
}

/** Finds the parts of one question, checks its braces and hands it to the grammar. */
function locate(lines: SourceLine[]): GIFTQuestion {
  const body = lines.map((l) => l.text).join('\n');
  const lineAt = (offset: number) => {
    let rest = offset;
    for (const l of lines) {
      if (rest <= l.text.length) return l.no;
      rest -= l.text.length + 1;
    }
    return lines[lines.length - 1].no;
  };

  let start = body.length - body.trimStart().length;
  let title = '';
  if (body.startsWith('::', start)) {
    const close = findUnescaped(body, '::', start + 2);
    const content = close < 0 ? '' : body.slice(start + 2, close);
    if (close < 0 || findUnescaped(content, '{', 0) >= 0) {
      throw new Refusal({ rule: 'gift.unclosed-title' });
    }
    title = `::${escapeLoose(content, false)}::`;
    start = close + 2;
  }

  const blocks: [number, number][] = [];
  let open = -1;
  for (let i = start; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') i++;
    else if (ch === '{') {
      if (open >= 0)
        throw new Refusal({ rule: 'gift.unbalanced-braces', params: { at: lineAt(i) } });
      open = i;
    } else if (ch === '}') {
      if (open < 0)
        throw new Refusal({ rule: 'gift.unbalanced-braces', params: { at: lineAt(i) } });
      blocks.push([open, i]);
      open = -1;
    }
  }
  if (open >= 0)
    throw new Refusal({ rule: 'gift.unbalanced-braces', params: { at: lineAt(open) } });
  if (blocks.length === 0) throw new Refusal({ rule: 'gift.no-answer-block' });
  if (blocks.length > 1) throw new Refusal({ rule: 'gift.several-answer-blocks' });

  const [from, to] = blocks[0];
  const stem = body.slice(start, from).trim();
  const after = body.slice(to + 1).trim();
  const content = body.slice(from + 1, to);
  const masked = content.replace(/\\[\s\S]/g, '__');
  checkWeights(masked);

  // Plain text keeps its line breaks as `\n`; HTML and Markdown keep them as they are.
  const format = /^\s*\[(html|markdown|plain|moodle)\]/.exec(stem)?.[1] ?? 'moodle';
  const plain = format !== 'html' && format !== 'markdown';
  const head = `${title} ${escapeLoose(stem, plain)} {`;
  const prepared = prepareBlock(content);
  const input = `${head}${prepared}} ${escapeLoose(after, plain)}\n`;
  const blockEnd = head.length + prepared.length;
  const block = `{${content}}`;
  let parsed: GIFTQuestion[];
  try {
    parsed = parseGiftText(input);
  } catch (e) {
    const location = (e as { location?: { start: { offset: number } } }).location;
    const offset = location?.start.offset ?? -1;
    if (offset >= head.length - 1 && offset <= blockEnd) {
      if (EMPTY_ANSWER.test(masked.trim())) throw new Refusal({ rule: 'gift.empty-answer' });
      throw new Refusal({ rule: 'gift.unknown-construct', params: { block: snippet(block) } });
    }
    const found = (e as { found?: string | null }).found?.trim();
    throw new Refusal({ rule: 'gift.syntax', params: { found: found || '…' } });
  }
  const questions = parsed.filter((q) => q.type !== 'Category');
  if (questions.length !== 1 || questions[0].type === 'Description') {
    throw new Refusal({ rule: 'gift.unknown-construct', params: { block: snippet(block) } });
  }
  // The grammar takes any text as a one-answer short answer; GIFT writes it `{=answer}`.
  if (questions[0].type === 'Short' && !masked.trimStart().startsWith('=')) {
    throw new Refusal({ rule: 'gift.unknown-construct', params: { block: snippet(block) } });
  }
  return questions[0];
}

/** Plain text of a GIFT text; images in HTML are reported once each. */
class Texts {
  readonly warnings: Note[] = [];
  private readonly images = new Set<string>();

  of(t: TextFormat | null | undefined): string {
    if (!t) return '';
    if (t.format !== 'html') return tidy(t.text);
    const { text, images } = htmlToText(t.text);
    for (const file of images) {
      if (!this.images.has(file)) {
        this.images.add(file);
        this.warnings.push({ rule: 'gift.image-dropped', params: { file } });
      }
    }
    return text;
  }
}

// (1 + 5) / 2 and friends, without binary noise such as 0.30000000000000004.
const clean = (n: number) => Number(n.toPrecision(12));

function numericAnswer(
  n: NumericalFormat | TextFormat,
  fraction: number,
  feedback: string,
): DraftNumber {
  if (!('type' in n)) {
    // The grammar's "any other answer" (Moodle's `*`).
    return { raw: '*', value: NaN, rawTolerance: '0', tolerance: 0, fraction, feedback };
  }
  let value = n.number ?? NaN;
  let tolerance = n.type === 'range' ? (n.range ?? 0) : 0;
  let raw = n.type === 'range' ? `${value}:${tolerance}` : String(value);
  if (n.type === 'high-low') {
    const low = n.numberLow ?? NaN;
    const high = n.numberHigh ?? NaN;
    value = clean((low + high) / 2);
    tolerance = clean(Math.abs(high - low) / 2);
    raw = `${low}..${high}`;
  }
  return { raw, value, rawTolerance: String(tolerance), tolerance, fraction, feedback };
}

function toBody(
  q: GIFTQuestion,
  texts: Texts,
): { prompt: string; general: string; body: DraftBody } {
  if (q.type === 'Category' || q.type === 'Description') {
    throw new Refusal({ rule: 'gift.no-answer-block' });
  }
  const prompt = texts.of(q.stem);
  const general = texts.of(q.globalFeedback);
  const weight = (w: number | null, correct: boolean) =>
    percentToFraction(w ?? (correct ? 100 : 0));
  switch (q.type) {
    case 'MC':
      return {
        prompt,
        general,
        body: {
          type: 'choice',
          choices: q.choices.map((c): DraftChoice => ({
            text: texts.of(c.text),
            fraction: weight(c.weight, c.isCorrect),
            feedback: texts.of(c.feedback),
          })),
        },
      };
    case 'Short':
      return {
        prompt,
        general,
        body: {
          type: 'short_answer',
          answers: q.choices.map((c) => ({
            text: texts.of(c.text),
            fraction: weight(c.weight, c.isCorrect),
            feedback: texts.of(c.feedback),
          })),
        },
      };
    case 'TF':
      // GIFT's `{T#first#second}`: the first feedback is for a wrong answer, the second for a
      // right one (Moodle's reading); the grammar calls them true/false feedback by position.
      return {
        prompt,
        general,
        body: {
          type: 'true_false',
          answer: q.isTrue,
          wrongFeedback: texts.of(q.trueFeedback),
          rightFeedback: texts.of(q.falseFeedback),
        },
      };
    case 'Matching':
      return {
        prompt,
        general,
        body: {
          type: 'matching',
          pairs: q.matchPairs.map((p) => ({
            left: texts.of(p.subquestion),
            right: tidy(p.subanswer),
          })),
        },
      };
    case 'Numerical': {
      const answers = Array.isArray(q.choices)
        ? q.choices.map((c: NumericalChoice) =>
            numericAnswer(c.text, weight(c.weight, c.isCorrect), texts.of(c.feedback)),
          )
        : [numericAnswer(q.choices, 1, '')];
      return { prompt, general, body: { type: 'numeric', answers } };
    }
    case 'Essay':
      return { prompt, general, body: { type: 'essay' } };
  }
}

/**
 * Reads a GIFT file. Questions that cannot be imported are reported with their starting line and
 * skipped; the rest come back with the bank (`$CATEGORY`) they were in.
 */
export function parseGift(text: string, opts: ImportOptions): ParseResult {
  if (Buffer.byteLength(text, 'utf8') > GIFT_MAX_BYTES) {
    return {
      items: [],
      problems: [{ index: 0, name: '', rule: 'interchange.too-large', params: { limit: '10 MB' } }],
    };
  }
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const items: ParsedItem[] = [];
  const problems: InterchangeProblem[] = [];
  let bank = opts.defaultBank;
  let index = 0;

  for (const chunk of chunks(source)) {
    const isComment = (l: SourceLine) => l.text.trimStart().startsWith('//');
    const code = chunk.filter((l) => !isComment(l));
    if (!code.length) continue;
    const category = /^\s*\$CATEGORY:(.*)$/i.exec(code[0].text);
    if (category) {
      bank = normalizeCategoryPath(category[1], opts.defaultBank);
      code.shift();
      if (!code.length) continue;
    }
    index += 1;
    const line = code[0].no;
    const texts = new Texts();
    const tags = commentTags(
      chunk.filter(isComment).map((l) => l.text),
      texts.warnings,
    );
    // Until the grammar has read it: the title, or the first line's text.
    const first = code[0].text;
    let name = nameOrStart(
      /^\s*::(.*?)::/.exec(first)?.[1] ?? '',
      first.replace(/^\s*::/, '').split('{')[0],
    );
    const where = (note: Note): InterchangeProblem => {
      const p: InterchangeProblem = { index, name, line, rule: note.rule };
      if (note.params) p.params = note.params;
      return p;
    };
    try {
      const question = locate(code);
      const { prompt, general, body } = toBody(question, texts);
      name = nameOrStart(question.type === 'Category' ? '' : (question.title ?? ''), prompt);
      const built = buildItem({ prompt, general, tags, body }, opts, texts.warnings);
      if (!built.ok) {
        problems.push(where(built.problem));
        continue;
      }
      items.push({
        index,
        name,
        line,
        bank,
        definition: built.definition,
        warnings: texts.warnings.map(where),
      });
    } catch (e) {
      if (e instanceof Refusal) problems.push(where(e.note));
      else problems.push(where({ rule: 'item.unreadable', params: { detail: String(e) } }));
    }
  }
  if (index === 0) problems.push({ index: 0, name: '', rule: 'interchange.empty' });
  return { items, problems };
}
