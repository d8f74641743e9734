import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

type Token = MarkdownIt.Token;
type Md = InstanceType<typeof MarkdownIt>;

export interface MarkdownProblem {
  /** 1-based line of the Markdown text. */
  line: number;
  rule: 'markdown.html' | 'markdown.unsafe-link' | 'markdown.image-not-https' | 'markdown.empty';
  params?: Record<string, string>;
}

const LINK_SCHEMES = ['http', 'https', 'mailto'];

/** Linkify only what the sanitiser keeps, so a bare `ftp://…` stays text instead of a dead link. */
function restrictLinkify(md: Md): Md {
  md.linkify.add('ftp:', null);
  md.linkify.add('//', null);
  return md;
}

// Raw HTML is off: authors write Markdown, and anything tag-like is shown as text.
const renderer = restrictLinkify(
  new MarkdownIt({ html: false, linkify: true, typographer: false }),
);

// The inspector sees what the renderer hides: raw HTML as tokens and every link, whatever its
// scheme (markdown-it's own validateLink would silently turn `javascript:` links into text).
const inspector = restrictLinkify(
  new MarkdownIt({ html: true, linkify: true, typographer: false }),
);
inspector.validateLink = () => true;

function isAbsoluteHttp(url: string | undefined): boolean {
  return url !== undefined && /^https?:\/\//i.test(url.trim());
}

function isHttps(url: string | undefined): boolean {
  return url !== undefined && /^https:\/\//i.test(url.trim());
}

/**
 * The second line of defence after markdown-it: even if the parser ever let something through,
 * only this allowlist reaches the browser.
 */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'blockquote',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'hr',
    'br',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title'],
  },
  allowedSchemes: LINK_SCHEMES,
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // The lesson title is the page's h1; a lesson's own headings sit below it.
    h1: 'h2',
    // markdown-it writes strikethrough as <s>; <del> is the allowlisted spelling.
    s: 'del',
    a: (tagName, attribs) => {
      const out: sanitizeHtml.Attributes = {};
      if (attribs.href !== undefined) out.href = attribs.href;
      if (attribs.title !== undefined) out.title = attribs.title;
      if (isAbsoluteHttp(attribs.href)) {
        out.rel = 'noopener noreferrer';
        out.target = '_blank';
      }
      return { tagName, attribs: out };
    },
    img: (tagName, attribs) => {
      // Relative and plain-http images would break or leak on an https page: drop the source,
      // and the filter below drops the image.
      const out: sanitizeHtml.Attributes = {};
      if (isHttps(attribs.src)) out.src = attribs.src;
      if (attribs.alt !== undefined) out.alt = attribs.alt;
      if (attribs.title !== undefined) out.title = attribs.title;
      return { tagName, attribs: out };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** Lesson Markdown → HTML safe to insert into the page as is. */
export function renderLessonMarkdown(md: string): string {
  return sanitizeHtml(renderer.render(md), SANITIZE_OPTIONS);
}

/** The URL's scheme, lower-cased, as a browser would read it (it ignores whitespace inside). */
function schemeOf(url: string): string | null {
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f]+/g, '');
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return m ? m[1].toLowerCase() : null;
}

function isProtocolRelative(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^[\\/]{2}/.test(url.replace(/[\u0000-\u0020\u007f]+/g, ''));
}

function htmlLabel(html: string): string {
  const trimmed = html.trim();
  if (trimmed.startsWith('<!--')) return '<!-- -->';
  const m = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(trimmed);
  return m ? `<${m[1].toLowerCase()}>` : trimmed.slice(0, 20);
}

function checkUrl(token: Token, line: number, out: MarkdownProblem[]): void {
  const isImage = token.type === 'image';
  const raw = String(token.attrGet(isImage ? 'src' : 'href') ?? '');
  const url = inspector.normalizeLinkText(raw);
  const scheme = schemeOf(url);
  if (isImage) {
    if (scheme === 'https') return;
    if (scheme === 'http') out.push({ line, rule: 'markdown.image-not-https', params: { url } });
    else out.push({ line, rule: 'markdown.unsafe-link', params: { url } });
    return;
  }
  const safe = scheme === null ? !isProtocolRelative(url) : LINK_SCHEMES.includes(scheme);
  if (!safe) out.push({ line, rule: 'markdown.unsafe-link', params: { url } });
}

/**
 * What an author should fix before import: raw HTML (shown as text), links the renderer would
 * strip, images that would not load on an https page, an empty body. Lines are 1-based.
 */
export function findMarkdownProblems(md: string): MarkdownProblem[] {
  if (md.trim() === '') return [{ line: 1, rule: 'markdown.empty' }];
  const problems: MarkdownProblem[] = [];
  const seenHtml = new Set<string>();
  const reportHtml = (line: number, html: string) => {
    const tag = htmlLabel(html);
    // `<b>x</b>` is one problem, not two.
    if (seenHtml.has(`${line}\u0000${tag}`)) return;
    seenHtml.add(`${line}\u0000${tag}`);
    problems.push({ line, rule: 'markdown.html', params: { tag } });
  };

  // Table cells' inline tokens carry no map of their own: fall back to the enclosing row's.
  let blockLine = 0;
  for (const token of inspector.parse(md, {})) {
    if (token.map) blockLine = token.map[0];
    if (token.type === 'html_block') {
      reportHtml(blockLine + 1, token.content);
      continue;
    }
    if (token.type !== 'inline' || !token.children) continue;
    let line = blockLine + 1;
    for (const child of token.children) {
      if (child.type === 'softbreak' || child.type === 'hardbreak') {
        line += 1;
      } else if (child.type === 'html_inline') {
        reportHtml(line, child.content);
        line += child.content.split('\n').length - 1;
      } else if (child.type === 'link_open' || child.type === 'image') {
        checkUrl(child, line, problems);
      }
    }
  }
  return problems;
}
