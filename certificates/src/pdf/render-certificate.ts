// Certificate PDF: A4 landscape, one page, Kazakh and Russian (and English on request), fonts
// embedded as subsets, a QR code of the verification URL. Pure: no Nest, no database.
import { LRUCache } from 'lru-cache';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import {
  type CertificateAssets,
  type CertificateTemplate,
  type Lang,
  type Level,
  type LocalText,
  loadCertificateAssets,
} from './templates';

export type { Lang, Level, LocalText } from './templates';

export interface CertificatePdfData {
  level: Level;
  /**
   * Always includes kk and ru; 'en' optional. The first entry is the primary language (used for
   * competency names); the certificate itself always reads kk, ru, then en.
   */
  languages: Lang[];
  /** e.g. 'QDM-2026-000123' */
  number: string;
  /** As registered, e.g. 'Әйгерім Нұрланқызы Сейітқали'. */
  holderName: string;
  course: { title: LocalText; hours: number };
  issuedAt: Date;
  /** e.g. 'unesco-cft:1.1', 'iste-ed:2.5.b' */
  competencies: { code: string; name: LocalText }[];
  issuer: { name: LocalText; signatoryName: string; signatoryTitle: LocalText };
  /** e.g. 'https://qadam.orleu.edu.kz/verify/<uuid>' */
  verifyUrl: string;
}

export interface RenderOptions {
  /** Directory holding <level>.json and fonts/ (default: the repository's certificates/templates). */
  templatesDir?: string;
}

// The parts of fontkit's public API used here.
interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
interface GlyphRun {
  glyphs: unknown[];
  positions: GlyphPosition[];
  readonly advanceWidth: number;
}
interface FontkitFont {
  layout(text: string, features?: unknown): GlyphRun;
  characterSet: number[];
  glyphForCodePoint(codePoint: number): unknown;
}
interface FontkitModule {
  create(data: Buffer): FontkitFont;
}
/**
 * pdfkit accepts an already parsed fontkit font as well as font bytes. Parsing once per process
 * and sharing the object keeps fontkit's decoded tables and glyph cache warm across documents
 * (parsing per document was most of the render time). Loaded through pdfkit's own resolution so
 * it is the fontkit pdfkit was built against.
 */
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as FontkitModule;

/**
 * Distinct texts kept per font. What repeats (labels, titles, competency names, common first
 * names) stays; what never does (holder names, numbers, URLs) is evicted, so a worker issuing
 * millions of certificates keeps a flat heap.
 */
const LAYOUT_CACHE_LIMIT = 2_000;

/**
 * Shaping a word (kerning, ligatures) is the costliest step left, and certificates repeat most
 * of their words. pdfkit caches layouts per document only; this caches them per process.
 * pdfkit scales the positions it gets in place, so every call returns a fresh copy.
 */
function shareLayouts(font: FontkitFont): FontkitFont {
  const layout = font.layout.bind(font);
  const runs = new LRUCache<string, GlyphRun>({ max: LAYOUT_CACHE_LIMIT });
  font.layout = (text, features) => {
    if (features !== undefined) return layout(text, features);
    let run = runs.get(text);
    if (run === undefined) {
      run = layout(text);
      runs.set(text, run);
    }
    const positions = run.positions.map((p) => ({
      xAdvance: p.xAdvance,
      yAdvance: p.yAdvance,
      xOffset: p.xOffset,
      yOffset: p.yOffset,
    }));
    return {
      glyphs: run.glyphs.slice(),
      positions,
      get advanceWidth() {
        let width = 0;
        for (const p of positions) width += p.xAdvance;
        return width;
      },
    };
  };
  return font;
}

interface Prepared extends CertificateAssets {
  // Typed as pdfkit's font source: pdfkit tells a parsed font from bytes by its layout method.
  parsed: { regular: PDFKit.Mixins.PDFFontSource; bold: PDFKit.Mixins.PDFFontSource };
  widths: LRUCache<string, number>;
}

// Templates and fonts are read and parsed once per process (per directory).
const assetsByDir = new Map<string, Prepared>();
let defaultAssets: Prepared | undefined;

/**
 * fontkit caches glyph objects by id with the code points they were first created for, and
 * pdfkit writes those code points into the ToUnicode map that text extraction reads. A shared
 * font must therefore create every mapped glyph from its own code point up front: otherwise a
 * Latin "C" first met as a component of Cyrillic "С" (DejaVu builds one from the other) would
 * be cached without a code point and vanish from the text of every later document.
 */
function createGlyphsInCmapOrder(font: FontkitFont): FontkitFont {
  for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) {
    font.glyphForCodePoint(codePoint);
  }
  return font;
}

function prepare(assets: CertificateAssets): Prepared {
  const parse = (data: Buffer) =>
    shareLayouts(
      createGlyphsInCmapOrder(fontkit.create(data)),
    ) as unknown as PDFKit.Mixins.PDFFontSource;
  return {
    ...assets,
    parsed: { regular: parse(assets.fonts.regular), bold: parse(assets.fonts.bold) },
    widths: new LRUCache({ max: LAYOUT_CACHE_LIMIT * 2 }),
  };
}

function getAssets(dir: string | undefined): Prepared {
  if (dir === undefined) return (defaultAssets ??= prepare(loadCertificateAssets()));
  let assets = assetsByDir.get(dir);
  if (!assets) {
    assets = prepare(loadCertificateAssets(dir));
    assetsByDir.set(dir, assets);
  }
  return assets;
}

/** Renders one certificate: A4 landscape, one page, deterministic for the same input. */
export async function renderCertificatePdf(
  data: CertificatePdfData,
  options: RenderOptions = {},
): Promise<Buffer> {
  const assets = getAssets(options.templatesDir);
  const template = assets.templates[data.level];
  if (!template) throw new Error(`Unknown certificate level: ${String(data.level)}`);

  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    // No default font: pdfkit would otherwise parse Helvetica's metrics for every document.
    font: '',
    lang: 'kk',
    displayTitle: true,
    info: {
      Title: `${template.title.kk} № ${data.number}`,
      Author: data.issuer.name.kk,
      Subject: data.course.title.kk,
      // Fixed values instead of "now" and "PDFKit" keep the bytes a function of the input.
      CreationDate: data.issuedAt,
      Producer: 'Qadam',
      Creator: 'Qadam',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(REGULAR, assets.parsed.regular);
  doc.registerFont(BOLD, assets.parsed.bold);
  new CertificatePage(doc, template, data, assets.widths).draw();
  doc.end();
  return done;
}

// ---------------------------------------------------------------------------------------------
// Layout

const REGULAR = 'qadam-regular';
const BOLD = 'qadam-bold';
type FontName = typeof REGULAR | typeof BOLD;

const PAGE_W = 841.89;
const PAGE_H = 595.28;
const MARGIN_X = 64;
const CONTENT_W = PAGE_W - 2 * MARGIN_X;
const CENTER_X = PAGE_W / 2;
/** Top of the fixed lower band (competencies, details, QR, signature). */
const BAND_TOP = 384;
const MAX_COMPETENCY_LINES = 8;
const ELLIPSIS = '…';
const LANG_ORDER: readonly Lang[] = ['kk', 'ru', 'en'];

interface Part {
  text: string;
  font: FontName;
  color: string;
}
/** A word may mix fonts (e.g. «Title» with the quotes regular and the title bold). */
interface Word {
  parts: Part[];
  /** Width at 1 pt. */
  width: number;
}
interface Fitted {
  size: number;
  lines: Word[][];
  lineHeight: number;
}
interface FitSpec {
  max: number;
  min: number;
  width: number;
  /** Lines allowed before the size is reduced. */
  lines: number;
  /** Lines allowed at the minimum size; beyond that the text is cut with an ellipsis. */
  hardLines: number;
}

// Formatters are costly to build and immutable: one each per process. Dates are shown in
// Kazakhstan's time so a certificate issued after midnight local time carries that day.
const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Almaty',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const plural: Record<Lang, Intl.PluralRules> = {
  kk: new Intl.PluralRules('kk'),
  ru: new Intl.PluralRules('ru'),
  en: new Intl.PluralRules('en'),
};
const numberFormat: Record<Lang, Intl.NumberFormat> = {
  kk: new Intl.NumberFormat('kk', { maximumFractionDigits: 1 }),
  ru: new Intl.NumberFormat('ru', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en', { maximumFractionDigits: 1 }),
};

/** Input text in one language, falling back to Russian, then Kazakh, when it is missing. */
function local(text: LocalText, lang: Lang): string {
  return text[lang] || text.ru || text.kk;
}

export function formatIssueDate(date: Date): string {
  const parts: Record<string, string> = {};
  for (const p of dateParts.formatToParts(date)) parts[p.type] = p.value;
  return `${parts.day}.${parts.month}.${parts.year}`;
}

class CertificatePage {
  private readonly langs: Lang[];
  private readonly primary: Lang;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly t: CertificateTemplate,
    private readonly data: CertificatePdfData,
    /** Widths at 1 pt by font and text, shared by all documents using the same fonts. */
    private readonly widthCache: LRUCache<string, number>,
  ) {
    // Kazakh and Russian always; English only on request; always in this order.
    this.langs = LANG_ORDER.filter((l) => l !== 'en' || data.languages.includes('en'));
    this.primary = data.languages[0] ?? 'kk';
  }

  draw(): void {
    this.drawBackground();
    this.drawUpper();
    this.drawCompetencies(MARGIN_X, BAND_TOP, 340);
    this.drawDetails(MARGIN_X + 364, BAND_TOP, 200);
    this.drawSignature(MARGIN_X, 500, 300);
    this.drawVerification(BAND_TOP - 4);
  }

  // -- page furniture ---------------------------------------------------------------------

  private drawBackground(): void {
    const { doc, t } = this;
    doc.rect(0, 0, PAGE_W, PAGE_H).fill(t.colors.background);
    const { style, color, width } = t.border;
    doc
      .lineWidth(width)
      .rect(20, 20, PAGE_W - 40, PAGE_H - 40)
      .stroke(color);
    if (style === 'double' || style === 'ornate') {
      doc
        .lineWidth(width / 2)
        .rect(26, 26, PAGE_W - 52, PAGE_H - 52)
        .stroke(color);
    }
    if (style === 'ornate') {
      // Small diamonds in the corners, between the two frames.
      for (const [x, y] of [
        [23, 23],
        [PAGE_W - 23, 23],
        [23, PAGE_H - 23],
        [PAGE_W - 23, PAGE_H - 23],
      ]) {
        doc.polygon([x, y - 7], [x + 7, y], [x, y + 7], [x - 7, y]).fill(color);
      }
    }
    // An accent bar under the top frame marks the level at a glance.
    doc.rect(CENTER_X - 60, 34, 120, 3).fill(t.colors.accent);
  }

  // -- upper, centred flow ------------------------------------------------------------------

  private drawUpper(): void {
    const { t, data } = this;
    const c = t.colors;
    const blocks: { words: Word[]; spec: FitSpec; gapAfter: number; statement?: true }[] = [];
    const add = (words: Word[], spec: Omit<FitSpec, 'width'>, gapAfter: number) =>
      blocks.push({ words, spec: { ...spec, width: CONTENT_W }, gapAfter });

    this.langs.forEach((lang, i) => {
      const first = i === 0;
      add(
        this.words([
          {
            text: local(data.issuer.name, lang),
            font: first ? BOLD : REGULAR,
            color: first ? c.accent : c.muted,
          },
        ]),
        { max: first ? 10 : 9, min: 6.5, lines: 1, hardLines: 2 },
        i === this.langs.length - 1 ? 12 : 1,
      );
    });
    add(
      this.words([{ text: t.title.kk, font: BOLD, color: c.accent }]),
      { max: 30, min: 16, lines: 1, hardLines: 2 },
      4,
    );
    const others = [...new Set(this.langs.slice(1).map((l) => t.title[l]))].filter(
      (s) => s !== t.title.kk,
    );
    if (others.length > 0) {
      add(
        this.words([{ text: others.join(' · '), font: REGULAR, color: c.muted }]),
        { max: 11, min: 7, lines: 1, hardLines: 2 },
        4,
      );
    }
    const nameIndex = blocks.length;
    add(
      this.words([{ text: data.holderName, font: BOLD, color: c.text }]),
      { max: 26, min: 14, lines: 1, hardLines: 2 },
      20,
    );
    for (const lang of this.langs) {
      add(this.statement(lang), { max: 12.5, min: 8, lines: 2, hardLines: 3 }, 6);
      blocks[blocks.length - 1].statement = true;
    }

    // Shrink everything together until the flow fits above the lower band.
    const top = 48;
    const bottom = BAND_TOP - 16;
    let fitted: Fitted[] = [];
    let scale = 1;
    for (let step = 0; step <= 4; step++) {
      scale = 1 - step * 0.1;
      fitted = blocks.map((b) => this.fit(b.words, { ...b.spec, max: b.spec.max * scale }));
      // The statements are one paragraph in several languages: one size for all of them.
      const size = Math.min(...fitted.filter((_, i) => blocks[i].statement).map((f) => f.size));
      fitted = fitted.map((f, i) =>
        blocks[i].statement && f.size !== size
          ? this.fit(blocks[i].words, { ...blocks[i].spec, max: size, min: size })
          : f,
      );
      const height = fitted.reduce(
        (h, f, i) => h + f.lines.length * f.lineHeight + blocks[i].gapAfter * scale,
        0,
      );
      if (top + height <= bottom) break;
    }
    // Spare height goes into the gaps after the issuer, the title and the name.
    const height = fitted.reduce(
      (h, f, i) => h + f.lines.length * f.lineHeight + blocks[i].gapAfter * scale,
      0,
    );
    const spare = Math.min(Math.max(0, bottom - top - height) / 3, 22);
    const stretch = new Set([this.langs.length - 1, nameIndex - 1, nameIndex]);
    let y = top;
    fitted.forEach((f, i) => {
      y = this.drawLines(f, y, 'center', CENTER_X);
      if (i === nameIndex) {
        // A short rule under the name, inside the gap that follows it.
        this.doc.rect(CENTER_X - 80, y + 5 * scale, 160, 0.8).fill(c.accent);
      }
      y += blocks[i].gapAfter * scale + (stretch.has(i) ? spare : 0);
    });
  }

  /** The template sentence with {course} in bold and {hours} as "72 академических часов". */
  private statement(lang: Lang): Word[] {
    const { t, data } = this;
    const text = t.colors.text;
    const hours = data.course.hours;
    const unit = t.hoursUnit[lang];
    // A no-break space keeps the number on the same line as its unit.
    const hoursText = `${numberFormat[lang].format(hours)}\u00a0${unit[plural[lang].select(hours)] ?? unit.other}`;
    const parts: Part[] = [];
    for (const piece of t.statement[lang].split(/(\{course\}|\{hours\})/)) {
      if (piece === '{course}')
        parts.push({ text: local(data.course.title, lang), font: BOLD, color: text });
      else if (piece === '{hours}') parts.push({ text: hoursText, font: REGULAR, color: text });
      else if (piece !== '') parts.push({ text: piece, font: REGULAR, color: text });
    }
    return this.words(parts);
  }

  // -- lower band ------------------------------------------------------------------------

  private drawCompetencies(x: number, y: number, width: number): void {
    const { t, data } = this;
    const list = data.competencies;
    if (list.length === 0) return;
    const c = t.colors;
    y = this.drawLines(
      this.fit(
        this.words([{ text: this.joined(t.labels.competencies), font: BOLD, color: c.accent }]),
        {
          max: 8,
          min: 6,
          width,
          lines: 1,
          hardLines: 1,
        },
      ),
      y,
      'left',
      x,
    );
    y += 3;
    // Beyond the limit the last line becomes "+N more" so the band never overflows.
    const shown =
      list.length > MAX_COMPETENCY_LINES ? list.slice(0, MAX_COMPETENCY_LINES - 1) : list;
    const size = 8;
    for (const comp of shown) {
      const name = local(comp.name, this.primary);
      const words = this.words([
        { text: comp.code, font: BOLD, color: c.text },
        { text: ` ${name}`, font: REGULAR, color: c.text },
      ]);
      y = this.drawLines(
        { size, lines: [this.truncate(words, width / size)], lineHeight: size * 1.35 },
        y,
        'left',
        x,
      );
    }
    if (shown.length < list.length) {
      const more = t.labels.more[this.primary].replace('{n}', String(list.length - shown.length));
      this.drawLines(
        {
          size,
          lines: [this.words([{ text: more, font: REGULAR, color: c.muted }])],
          lineHeight: size * 1.35,
        },
        y,
        'left',
        x,
      );
    }
  }

  private drawDetails(x: number, y: number, width: number): void {
    const { t, data } = this;
    const rows: [LocalText, string][] = [
      [t.labels.level, this.langs.map((l) => t.levelName[l]).join(' / ')],
      [t.labels.number, data.number],
      [t.labels.issueDate, formatIssueDate(data.issuedAt)],
    ];
    for (const [label, value] of rows) {
      const spec = { width, lines: 1, hardLines: 2 };
      y = this.drawLines(
        this.fit(this.words([{ text: this.joined(label), font: REGULAR, color: t.colors.muted }]), {
          ...spec,
          max: 7.5,
          min: 6,
        }),
        y,
        'left',
        x,
      );
      y = this.drawLines(
        this.fit(this.words([{ text: value, font: BOLD, color: t.colors.text }]), {
          ...spec,
          max: 11,
          min: 7,
        }),
        y + 1,
        'left',
        x,
      );
      y += 8;
    }
  }

  private drawSignature(x: number, y: number, width: number): void {
    const { doc, t, data } = this;
    doc.rect(x, y, 180, 0.7).fill(t.colors.text);
    y = this.drawLines(
      this.fit(
        this.words([{ text: data.issuer.signatoryName, font: BOLD, color: t.colors.text }]),
        {
          max: 9.5,
          min: 7,
          width,
          lines: 1,
          hardLines: 1,
        },
      ),
      y + 4,
      'left',
      x,
    );
    for (const lang of this.langs) {
      y = this.drawLines(
        this.fit(
          this.words([
            { text: local(data.issuer.signatoryTitle, lang), font: REGULAR, color: t.colors.muted },
          ]),
          {
            max: 7.5,
            min: 6,
            width,
            lines: 1,
            hardLines: 1,
          },
        ),
        y,
        'left',
        x,
      );
    }
  }

  /** QR code of the verification URL, top right of the lower band, with the URL under it. */
  private drawVerification(y: number): void {
    const { doc, t, data } = this;
    const size = 112;
    const right = PAGE_W - MARGIN_X + 8;
    drawQrCode(doc, data.verifyUrl, right - size, y, size);
    let ty = y + size + 4;
    const width = 300;
    ty = this.drawLines(
      this.fit(
        this.words([{ text: this.joined(t.labels.verify), font: REGULAR, color: t.colors.muted }]),
        {
          max: 7,
          min: 5.5,
          width,
          lines: 1,
          hardLines: 1,
        },
      ),
      ty,
      'right',
      right,
    );
    this.drawLines(
      this.fit(this.words([{ text: data.verifyUrl, font: REGULAR, color: t.colors.text }]), {
        max: 7.5,
        min: 5.5,
        width,
        lines: 1,
        hardLines: 2,
      }),
      ty + 1,
      'right',
      right,
    );
  }

  // -- text engine: measure once at 1 pt, scale linearly, draw pre-broken lines -------------

  private joined(text: LocalText): string {
    return this.langs.map((l) => text[l]).join(' / ');
  }

  /** Width at 1 pt; a pure function of font and text, so remembered across documents. */
  private measure(font: FontName, text: string): number {
    const key = font + '\u0000' + text;
    const cache = this.widthCache;
    let width = cache.get(key);
    if (width === undefined) {
      width = this.doc.font(font).fontSize(1).widthOfString(text);
      cache.set(key, width);
    }
    return width;
  }

  /** Splits runs into words at whitespace; a word may continue across runs. */
  private words(runs: Part[]): Word[] {
    const words: Word[] = [];
    let current: Part[] = [];
    const flush = () => {
      if (current.length === 0) return;
      words.push({
        parts: current,
        width: current.reduce((w, p) => w + this.measure(p.font, p.text), 0),
      });
      current = [];
    };
    for (const run of runs) {
      for (const piece of run.text.split(/([ \t\r\n]+)/)) {
        if (piece === '') continue;
        if (/^[ \t\r\n]+$/.test(piece)) flush();
        else current.push({ ...run, text: piece });
      }
    }
    flush();
    return words;
  }

  private space(word: Word): number {
    return this.measure(word.parts[word.parts.length - 1].font, ' ');
  }

  private lineWidth(line: Word[]): number {
    let w = 0;
    line.forEach((word, i) => (w += word.width + (i > 0 ? this.space(line[i - 1]) : 0)));
    return w;
  }

  /** Greedy line breaking at a width given in 1-pt units. */
  private wrap(words: Word[], width: number): Word[][] {
    const lines: Word[][] = [];
    let line: Word[] = [];
    let w = 0;
    for (const word of words) {
      const add =
        line.length === 0 ? word.width : w + this.space(line[line.length - 1]) + word.width;
      if (line.length > 0 && add > width) {
        lines.push(line);
        line = [word];
        w = word.width;
      } else {
        line.push(word);
        w = add;
      }
    }
    if (line.length > 0) lines.push(line);
    return lines;
  }

  /** Largest size in [min, max] that fits in spec.lines; else min size, wrapped, cut at hardLines. */
  private fit(words: Word[], spec: FitSpec): Fitted {
    const step = 0.5;
    for (let size = spec.max; size >= spec.min; size -= step) {
      const lines = this.wrap(words, spec.width / size);
      if (
        lines.length <= spec.lines &&
        lines.every((l) => this.lineWidth(l) * size <= spec.width)
      ) {
        return {
          size,
          lines: this.balance(words, lines, spec.width / size),
          lineHeight: size * 1.3,
        };
      }
    }
    const size = spec.min;
    const unit = spec.width / size;
    let lines = this.wrap(words, unit);
    if (lines.length > spec.hardLines) {
      const rest = lines.slice(spec.hardLines - 1).flat();
      lines = [...lines.slice(0, spec.hardLines - 1), rest];
    }
    lines = lines.map((l) => (this.lineWidth(l) > unit ? this.truncate(l, unit) : l));
    return { size, lines, lineHeight: size * 1.3 };
  }

  /** The narrowest wrap with the same number of lines, so a second line is not a lone word. */
  private balance(words: Word[], lines: Word[][], width: number): Word[][] {
    if (lines.length < 2) return lines;
    let lo = Math.max(...words.map((w) => w.width));
    let hi = width;
    let best = lines;
    for (let i = 0; i < 12 && hi - lo > 0.01; i++) {
      const mid = (lo + hi) / 2;
      const attempt = this.wrap(words, mid);
      if (attempt.length === lines.length) {
        best = attempt;
        hi = mid;
      } else lo = mid;
    }
    return best;
  }

  /** Cuts a line to the width (1-pt units) and ends it with an ellipsis. */
  private truncate(line: Word[], width: number): Word[] {
    if (this.lineWidth(line) <= width) return line;
    const out: Word[] = [];
    let w = 0;
    for (const word of line) {
      const lastPart = word.parts[word.parts.length - 1];
      const ell = this.measure(lastPart.font, ELLIPSIS);
      const add = (out.length === 0 ? 0 : w + this.space(out[out.length - 1])) + word.width;
      if (add + ell > width) {
        if (out.length === 0) return [this.cutWord(word, width)];
        break;
      }
      out.push(word);
      w = add;
    }
    const last = out[out.length - 1];
    const parts = [...last.parts];
    const tail = parts[parts.length - 1];
    parts[parts.length - 1] = { ...tail, text: tail.text + ELLIPSIS };
    out[out.length - 1] = { parts, width: last.width + this.measure(tail.font, ELLIPSIS) };
    return out;
  }

  /** A single over-long word (no spaces): keep the longest prefix of its first part that fits. */
  private cutWord(word: Word, width: number): Word {
    const part = word.parts[0];
    const chars = Array.from(part.text);
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.measure(part.font, chars.slice(0, mid).join('') + ELLIPSIS) <= width) lo = mid;
      else hi = mid - 1;
    }
    const text = chars.slice(0, lo).join('') + ELLIPSIS;
    return { parts: [{ ...part, text }], width: this.measure(part.font, text) };
  }

  /** Draws lines whose top is at y; returns the y below the last line. */
  private drawLines(f: Fitted, y: number, align: 'left' | 'center' | 'right', x: number): number {
    const { doc } = this;
    for (const line of f.lines) {
      const width = this.lineWidth(line) * f.size;
      let cx = align === 'left' ? x : align === 'center' ? x - width / 2 : x - width;
      // Consecutive parts in the same font and colour become one text operation.
      const segments: Part[] = [];
      line.forEach((word, wi) => {
        word.parts.forEach((part, pi) => {
          const text = (wi > 0 && pi === 0 ? ' ' : '') + part.text;
          const prev = segments[segments.length - 1];
          if (prev && prev.font === part.font && prev.color === part.color) prev.text += text;
          else if (prev && text.startsWith(' ')) {
            // Keep the space with the previous segment so the spacing matches the measurement.
            prev.text += ' ';
            segments.push({ ...part, text: text.slice(1) });
          } else segments.push({ ...part, text });
        });
      });
      for (const seg of segments) {
        doc
          .font(seg.font)
          .fontSize(f.size)
          .fillColor(seg.color)
          .text(seg.text, cx, y, { lineBreak: false });
        cx += this.measure(seg.font, seg.text) * f.size;
      }
      y += f.lineHeight;
    }
    return y;
  }
}

/**
 * The QR code as one filled path: horizontal runs of dark modules become one rectangle each,
 * and identical runs in consecutive rows merge into one taller rectangle, so a version-5 code
 * takes a few hundred path operations instead of ~600 single-module squares.
 */
function drawQrCode(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  size: number,
): void {
  // One byte-mode segment: skips qrcode's search for the best mix of modes (a URL with lower
  // case letters ends up in byte mode anyway).
  const { modules } = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
  });
  const n = modules.size;
  const quiet = 4; // the quiet zone the QR standard asks for, in modules
  const m = size / (n + 2 * quiet);
  doc.rect(x, y, size, size).fill('#ffffff');

  const ops: string[] = [];
  // Open rectangles keyed by "start,end" of their run: [start, end, firstRow].
  let open = new Map<string, [number, number, number]>();
  const close = (r: [number, number, number], row: number) =>
    ops.push(`${r[0]} ${r[2]} ${r[1] - r[0]} ${row - r[2]} re`);
  for (let row = 0; row <= n; row++) {
    const next = new Map<string, [number, number, number]>();
    if (row < n) {
      let col = 0;
      while (col < n) {
        if (!modules.get(row, col)) {
          col++;
          continue;
        }
        const start = col;
        while (col < n && modules.get(row, col)) col++;
        const key = `${start},${col}`;
        next.set(key, open.get(key) ?? [start, col, row]);
        open.delete(key);
      }
    }
    for (const r of open.values()) close(r, row);
    open = next;
  }

  doc.save();
  doc.translate(x + quiet * m, y + quiet * m).scale(m);
  doc.addContent(ops.join('\n'));
  doc.fill('#000000');
  doc.restore();
}
