/**
 * Plain text from the HTML in Moodle and GIFT files and back. Item texts are plain, so this is a
 * deliberately simple converter, not a sanitiser: tags are dropped, never kept. Every pattern
 * is linear in its input (no nested quantifiers, tags end at the next `<` or `>`), so a hostile
 * 10 MB file cannot make it slow.
 */

const XML_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

// The named entities that editors actually write into question texts.
const HTML_ENTITIES: Record<string, string> = {
  ...XML_ENTITIES,
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  shy: '',
  zwnj: '',
  zwj: '',
  ndash: '–',
  mdash: '—',
  minus: '−',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  le: '≤',
  ge: '≥',
  ne: '≠',
  asymp: '≈',
  micro: 'µ',
  sup2: '²',
  sup3: '³',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  sect: '§',
  para: '¶',
  euro: '€',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
};

const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g;

function decodeWith(s: string, named: Record<string, string>): string {
  return s.replace(ENTITY, (m, ref: string) => {
    if (ref[0] === '#') {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      const cp = parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
      const valid = cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
      return valid ? String.fromCodePoint(cp) : m;
    }
    return Object.prototype.hasOwnProperty.call(named, ref) ? named[ref] : m;
  });
}

/**
 * XML's five predefined entities and numeric character references; anything else stays as
 * written (the XML parser gets this instead of its own decoder, so no DTD entity is ever expanded).
 */
export function decodeXmlEntities(s: string): string {
  return s.includes('&') ? decodeWith(s, XML_ENTITIES) : s;
}

export function decodeHtmlEntities(s: string): string {
  return s.includes('&') ? decodeWith(s, HTML_ENTITIES) : s;
}

/** Drops `open … close` spans (case-insensitive); an unclosed span runs to the end. */
function dropSpans(s: string, open: RegExp, close: RegExp): string {
  let out = '';
  let from = 0;
  open.lastIndex = 0;
  for (let m = open.exec(s); m; m = open.exec(s)) {
    out += s.slice(from, m.index);
    close.lastIndex = open.lastIndex;
    const end = close.exec(s);
    if (!end) return out;
    from = close.lastIndex;
    open.lastIndex = from;
  }
  return out + s.slice(from);
}

const SRC = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

function imageName(tag: string): string {
  const m = SRC.exec(tag);
  const src = (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').replace('@@PLUGINFILE@@/', '');
  let name = src.split(/[?#]/)[0];
  if (!/^(https?:)?\/\//i.test(name)) name = name.split('/').pop() ?? name;
  try {
    name = decodeURIComponent(name);
  } catch {
    // A broken %-escape: show the name as written.
  }
  return decodeHtmlEntities(name) || '?';
}

export interface HtmlText {
  text: string;
  /** The names of the images the text showed, which plain text cannot keep. */
  images: string[];
}

/**
 * Paragraphs and list items become line breaks, `<br>` a newline, every other tag goes,
 * entities are decoded and runs of spaces collapse.
 */
export function htmlToText(html: string): HtmlText {
  const images: string[] = [];
  let s = dropSpans(html, /<!--/g, /-->/g);
  s = dropSpans(s, /<script\b/gi, /<\/script\s*>/gi);
  s = dropSpans(s, /<style\b/gi, /<\/style\s*>/gi);
  s = s
    .replace(/<img\b[^<>]*>/gi, (tag) => {
      images.push(imageName(tag));
      return ' ';
    })
    // Source line breaks are plain whitespace in HTML.
    .replace(/\s+/g, ' ')
    .replace(/<br\b[^<>]*>/gi, '\n')
    .replace(/<\/?(?:p|div|h[1-6]|ul|ol|table|blockquote|pre|section|article)\b[^<>]*>/gi, '\n\n')
    // Items start a line; their end tags are optional in HTML.
    .replace(/<(?:li|tr|dt|dd)\b[^<>]*>/gi, '\n')
    .replace(/<\/t[dh]\s*>/gi, ' ')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, '');
  s = decodeHtmlEntities(s);
  return { text: tidy(s), images };
}

/** Trims every line, collapses inner runs of spaces and keeps at most one empty line in a row. */
export function tidy(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The inverse of htmlToText for tidy text: blank lines separate paragraphs, newlines are `<br>`. */
export function textToHtml(text: string): string {
  const t = tidy(text);
  if (!t) return '';
  return t
    .split(/\n{2,}/)
    .map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');
}
