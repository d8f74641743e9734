import type {
  HandGradedItem,
  ItemDefinition,
  Lang,
  MultipleChoiceItem,
  SingleChoiceItem,
  TranslatableText,
} from '@qadam/contracts';
import { pickText } from '../../courses/text';
import { escapeHtml, textToHtml } from './html-text';
import { INTERCHANGE_MESSAGES } from './interchange';
import { fractionToPercent } from './item-builder';
import { rubricNoteComment } from './rubric-note';

export interface ExportBank {
  name: string;
  items: { name: string; definition: ItemDefinition }[];
}

export interface MoodleExport {
  xml: string;
  /** Items Moodle has no question type for, with the reason in the export's language. */
  skipped: { name: string; reason: string }[];
}

// Characters XML 1.0 cannot carry at all, even escaped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function esc(s: string): string {
  return s
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** HTML goes in CDATA, as Moodle writes it; `]]>` inside is split across two sections. */
function cdata(s: string): string {
  const clean = s.replace(NOT_XML, '');
  return clean ? `<![CDATA[${clean.replace(/]]>/g, ']]]]><![CDATA[>')}]]>` : '';
}

const num = (n: number) => String(Math.round(n * 1e7) / 1e7);

/** Writes one question's elements, indented under <question>. */
class QuestionWriter {
  readonly lines: string[] = [];

  constructor(private readonly lang: Lang) {}

  text(t: TranslatableText | undefined): string {
    return pickText(t, this.lang);
  }

  raw(line: string): void {
    this.lines.push(`    ${line}`);
  }

  plain(tag: string, value: string | number): void {
    this.raw(`<${tag}>${esc(String(value))}</${tag}>`);
  }

  /** A formatted text element with plain text turned into HTML. */
  html(tag: string, text: string, indent = ''): void {
    this.lines.push(
      `    ${indent}<${tag} format="html">`,
      `    ${indent}  <text>${cdata(textToHtml(text))}</text>`,
      `    ${indent}</${tag}>`,
    );
  }

  answer(
    percent: string,
    text: { html: string } | { plain: string },
    feedback: string,
    extra: string[] = [],
  ): void {
    const body = 'html' in text ? cdata(textToHtml(text.html)) : esc(text.plain);
    const format = 'html' in text ? 'html' : 'moodle_auto_format';
    this.raw(`<answer fraction="${percent}" format="${format}">`);
    this.raw(`  <text>${body}</text>`);
    this.html('feedback', feedback, '  ');
    for (const e of extra) this.raw(`  ${e}`);
    this.raw('</answer>');
  }

  combinedFeedback(def: ItemDefinition): void {
    this.html('correctfeedback', this.text(def.feedback?.correct));
    this.html('partiallycorrectfeedback', '');
    this.html('incorrectfeedback', this.text(def.feedback?.incorrect));
  }

  /** Feedback Moodle would not show for this type, kept so a Qadam import gets it back. */
  extraFeedback(def: ItemDefinition, keys: ('correct' | 'incorrect')[]): void {
    for (const k of keys) {
      const t = this.text(def.feedback?.[k]);
      if (t) this.html(`${k}feedback`, t);
    }
  }
}

/** Moodle's grade per option, in percent. */
function choicePercents(def: SingleChoiceItem | MultipleChoiceItem): string[] {
  if (def.type === 'single') {
    return def.options.map((o) => fractionToPercent(o.fraction ?? (o.correct ? 1 : 0)));
  }
  const scoring = def.scoring;
  if (scoring === 'fractions') return def.options.map((o) => fractionToPercent(o.fraction ?? 0));
  const share = 1 / Math.max(1, def.options.filter((o) => o.correct).length);
  // Moodle sums the chosen options' grades: equal shares give `partial`; all or nothing is
  // approached by making every wrong choice cost everything (a subset of the right ones still
  // earns its share there).
  const wrong = scoring === 'all_or_nothing' ? -1 : 0;
  return def.options.map((o) => fractionToPercent(o.correct ? share : wrong));
}

const RUBRIC_HEADING: Record<Lang, string> = {
  kk: 'Бағалау рубрикасы',
  ru: 'Рубрика оценивания',
  en: 'Rubric',
};

function graderInfo(def: HandGradedItem, lang: Lang): string {
  const parts = [`<p><strong>${escapeHtml(RUBRIC_HEADING[lang])}</strong></p>`];
  for (const c of def.rubric.criteria) {
    parts.push(`<p>${escapeHtml(pickText(c.title, lang))}</p>`);
    const levels = c.levels.map(
      (l) => `<li>${escapeHtml(pickText(l.title, lang))} — ${num(l.points)}</li>`,
    );
    parts.push(`<ul>${levels.join('')}</ul>`);
  }
  const rubric = {
    criteria: def.rubric.criteria.map(({ id: _c, levels, ...c }) => ({
      ...c,
      levels: levels.map(({ id: _l, ...l }) => l),
    })),
  } as HandGradedItem['rubric'];
  const note = { type: def.type, rubric, ...(def.maxLength ? { maxLength: def.maxLength } : {}) };
  parts.push(rubricNoteComment(note));
  return parts.join('\n');
}

function writeBody(w: QuestionWriter, def: ItemDefinition, lang: Lang): string | null {
  switch (def.type) {
    case 'single':
    case 'multiple': {
      w.plain('single', def.type === 'single' ? 'true' : 'false');
      w.plain('shuffleanswers', 'true');
      w.plain('answernumbering', 'abc');
      w.combinedFeedback(def);
      const percents = choicePercents(def);
      def.options.forEach((o, i) =>
        w.answer(percents[i], { html: w.text(o.text) }, w.text(o.feedback)),
      );
      return 'multichoice';
    }
    case 'true_false': {
      // Moodle shows the feedback of the chosen answer.
      const right = w.text(def.feedback?.correct);
      const wrong = w.text(def.feedback?.incorrect);
      w.answer(def.answer ? '100' : '0', { plain: 'true' }, def.answer ? right : wrong);
      w.answer(def.answer ? '0' : '100', { plain: 'false' }, def.answer ? wrong : right);
      return 'truefalse';
    }
    case 'short_answer':
      w.plain('usecase', def.caseSensitive ? 1 : 0);
      for (const a of def.answers) {
        w.answer(fractionToPercent(a.fraction ?? 1), { plain: a.text }, w.text(a.feedback));
      }
      // Moodle's way of saying something to every other answer.
      if (w.text(def.feedback?.incorrect)) {
        w.answer('0', { plain: '*' }, w.text(def.feedback?.incorrect));
      }
      w.extraFeedback(def, ['correct']);
      return 'shortanswer';
    case 'numeric':
      for (const a of def.answers) {
        w.answer(fractionToPercent(a.fraction ?? 1), { plain: num(a.value) }, w.text(a.feedback), [
          `<tolerance>${num(a.tolerance ?? 0)}</tolerance>`,
        ]);
      }
      if (w.text(def.feedback?.incorrect)) {
        w.answer('0', { plain: '*' }, w.text(def.feedback?.incorrect), [
          '<tolerance>0</tolerance>',
        ]);
      }
      w.extraFeedback(def, ['correct']);
      return 'numerical';
    case 'matching': {
      w.plain('shuffleanswers', 'true');
      w.combinedFeedback(def);
      const sub = (left: string, right: string) => {
        w.raw('<subquestion format="html">');
        w.raw(`  <text>${cdata(textToHtml(left))}</text>`);
        w.raw(`  <answer><text>${esc(right)}</text></answer>`);
        w.raw('</subquestion>');
      };
      for (const p of def.pairs) sub(w.text(p.left.text), w.text(p.right.text));
      // Moodle's distractors are subquestions with no text.
      for (const d of def.distractors ?? []) sub('', w.text(d.text));
      return 'matching';
    }
    case 'essay':
    case 'task':
      w.plain('responseformat', 'editor');
      w.plain('responserequired', 1);
      w.plain('responsefieldlines', 15);
      w.plain('attachments', 0);
      w.plain('attachmentsrequired', 0);
      w.raw('<graderinfo format="html">');
      w.raw(`  <text>${cdata(graderInfo(def, lang))}</text>`);
      w.raw('</graderinfo>');
      w.html('responsetemplate', '');
      w.extraFeedback(def, ['correct', 'incorrect']);
      return 'essay';
    case 'ordering':
      return null;
  }
}

/** `Default / AI basics` → `$course$/top/Default/AI basics` (a `/` in a name is doubled). */
function categoryPath(bank: string): string {
  const segments = bank
    .split(' / ')
    .map((s) => s.trim().replace(/\//g, '//'))
    .filter(Boolean);
  return ['$course$', 'top', ...segments].join('/');
}

/**
 * Moodle XML of the banks: a category per bank, then its items. Texts are in `lang` with the
 * usual fallback (lang → kk → ru → en). Lossy where Moodle is poorer: ordering items are skipped,
 * matching and multiple choice keep Moodle's scoring, an essay's rubric is described for graders
 * (and kept in a comment for a Qadam import).
 */
export function toMoodleXml(banks: ExportBank[], lang: Lang): MoodleExport {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
  const skipped: MoodleExport['skipped'] = [];
  for (const bank of banks) {
    out.push(
      '  <question type="category">',
      `    <category><text>${esc(categoryPath(bank.name))}</text></category>`,
      '  </question>',
    );
    for (const { name, definition: def } of bank.items) {
      const w = new QuestionWriter(lang);
      w.raw(`<name><text>${esc(name)}</text></name>`);
      w.html('questiontext', w.text(def.prompt));
      w.html('generalfeedback', w.text(def.feedback?.general));
      w.plain('defaultgrade', num(def.points ?? 1));
      const type = writeBody(w, def, lang);
      if (!type) {
        skipped.push({ name, reason: INTERCHANGE_MESSAGES['moodle.export-ordering'][lang] });
        continue;
      }
      const tags = [...def.competencies, `difficulty:${def.difficulty}`];
      w.raw('<tags>');
      for (const t of tags) w.raw(`  <tag><text>${esc(t)}</text></tag>`);
      w.raw('</tags>');
      out.push(`  <question type="${type}">`, ...w.lines, '  </question>');
    }
  }
  out.push('</quiz>', '');
  return { xml: out.join('\n'), skipped };
}
