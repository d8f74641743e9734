/**
 * Short answers are compared after normalisation, so a teacher is not marked wrong for what a
 * reader cannot see: letter case, spacing, typographic quotes, a final full stop, ё for е, a
 * Latin letter that looks like a Cyrillic one, or a Kazakh letter typed from another layout.
 */

/** Zero-width characters and the soft hyphen: invisible, so never part of an answer. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2039\u203A\u02BC]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
/** Hyphens, dashes and the minus sign (NFKC has made fullwidth and small ones into these). */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;

/**
 * Letters of other alphabets that stand for Kazakh ones: the Latin schwa and barred o of Kazakh
 * Latin spellings, and Bashkir and other Cyrillic letters that look like қ, ң, ғ and that some
 * keyboard layouts produce. Ukrainian і (U+0456) is the Kazakh і itself, so it needs no entry.
 */
const KAZAKH_VARIANTS: Record<string, string> = {
  '\u0259': '\u04D9', // ə → ә
  '\u018F': '\u04D8', // Ə → Ә
  '\u0275': '\u04E9', // ɵ → ө
  '\u019F': '\u04E8', // Ɵ → Ө
  '\u04A1': '\u049B', // ҡ → қ
  '\u04A0': '\u049A', // Ҡ → Қ
  '\u04A5': '\u04A3', // ҥ → ң
  '\u04A4': '\u04A2', // Ҥ → Ң
  '\u04CA': '\u04A3', // ӊ → ң
  '\u04C9': '\u04A2', // Ӊ → Ң
  '\u04FB': '\u0493', // ӻ → ғ
  '\u04FA': '\u0492', // Ӻ → Ғ
  '\u0451': '\u0435', // ё → е
  '\u0401': '\u0415', // Ё → Е
};

/**
 * Latin letters folded into their Cyrillic look-alikes. The canonical script is Cyrillic: most
 * answers are Kazakh or Russian, and the folding is applied to both the key and the response, so
 * "Apple" typed with a Cyrillic А equals "Apple" and "Абай" typed with a Latin A equals "Абай".
 * Each Latin letter has its own Cyrillic image, so two answers in one script stay distinct.
 *
 * Lower case is compared after lower-casing, so a letter and its capital must fold to a case
 * pair: h → һ (Kazakh shha, which it looks like), hence H → Һ as well; m, t, b go with М, Т, В,
 * the capitals they look like. Kazakh ү/ұ are left alone: folding у into them would merge words.
 */
const LOWER_LOOKALIKES: Record<string, string> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'һ',
  i: 'і',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
};

/**
 * Case-sensitive answers keep capitals, so capitals can fold to the letter they look like even
 * where its lower case differs: H → Н (not Һ) and Y → Ү.
 */
const UPPER_LOOKALIKES: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  I: 'І',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'Ү',
};

function mapChars(text: string, table: Record<string, string>): string {
  let out = '';
  for (const ch of text) out += table[ch] ?? ch;
  return out;
}

/**
 * The form a short answer is compared in: NFKC; invisible characters dropped; typographic quotes
 * and dashes as ASCII; whitespace runs as one space, trimmed; one final full stop dropped;
 * lower case (unless `caseSensitive`); ё as е; Kazakh letter variants and Latin look-alikes as
 * the Cyrillic letters (see the tables above).
 */
export function normaliseAnswer(text: string, caseSensitive = false): string {
  let s = text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/\.$/, '')
    .trimEnd();
  if (!caseSensitive) {
    // Kazakh and Russian have no special casing rules in ICU, but the locale keeps Turkish-style
    // dotted/dotless i rules out; a capital İ still leaves a combining dot, which is dropped.
    s = s.toLocaleLowerCase(['kk', 'ru']).replace(/\u0307/g, '');
  }
  s = mapChars(s, KAZAKH_VARIANTS);
  s = mapChars(s, LOWER_LOOKALIKES);
  if (caseSensitive) s = mapChars(s, UPPER_LOOKALIKES);
  return s;
}

const STAR = Symbol('star');

/**
 * Whether a response matches an accepted answer, both normalised. `*` in the pattern matches any
 * run of characters, as in Moodle, and `\*` a literal asterisk. Matched without regular
 * expressions, so an author's many stars cannot make matching slow.
 */
export function matchesAccepted(
  pattern: string,
  response: string,
  caseSensitive: boolean,
): boolean {
  const tokens = globTokens(normaliseAnswer(pattern, caseSensitive));
  const text = Array.from(normaliseAnswer(response, caseSensitive));
  // Greedy matching with backtracking to the last star: O(pattern × text) at worst.
  let t = 0;
  let p = 0;
  let star = -1;
  let starText = 0;
  while (t < text.length) {
    const token = tokens[p];
    if (p < tokens.length && token !== STAR && token === text[t]) {
      p++;
      t++;
    } else if (p < tokens.length && token === STAR) {
      star = p++;
      starText = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++starText;
    } else {
      return false;
    }
  }
  while (p < tokens.length && tokens[p] === STAR) p++;
  return p === tokens.length;
}

/** The pattern as characters and stars; `\*` is a literal asterisk. */
function globTokens(pattern: string): (string | typeof STAR)[] {
  const chars = Array.from(pattern);
  const tokens: (string | typeof STAR)[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '\\' && chars[i + 1] === '*') {
      tokens.push('*');
      i++;
    } else if (chars[i] === '*') {
      if (tokens[tokens.length - 1] !== STAR) tokens.push(STAR);
    } else {
      tokens.push(chars[i]);
    }
  }
  return tokens;
}

/**
 * A number as a teacher may type it: `3.5`, `3,5`, `-2`, `−2` (the Unicode minus), `1 234,5`
 * (spaces, no-break or thin spaces between groups of three digits), `.5`. Anything else, including
 * `1,234.5`, exponents and non-finite values, is null: a wrong guess at a separator would grade a
 * different number.
 */
export function parseNumber(x: unknown): number | null {
  if (typeof x === 'number') return Number.isFinite(x) ? x : null;
  if (typeof x !== 'string' || x.length > 100) return null;
  // NFKC turns fullwidth digits into ASCII and no-break/narrow spaces into plain spaces.
  const s = x
    .normalize('NFKC')
    .trim()
    .replace(/\u2212/g, '-');
  const m = /^(-?)(\d{1,3}(?: \d{3})+|\d*)(?:[.,](\d+))?$/.exec(s);
  if (!m || (m[2] === '' && m[3] === undefined)) return null;
  const value = Number(`${m[1]}${m[2].replace(/ /g, '') || '0'}.${m[3] ?? '0'}`);
  return Number.isFinite(value) ? value : null;
}
