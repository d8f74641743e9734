import { matchesAccepted, normaliseAnswer, parseNumber } from './normalise';

const LATIN_A = 'A';
const CYRILLIC_A = '\u0410';

describe('normaliseAnswer', () => {
  it('ignores case, spacing, a final full stop and typographic marks', () => {
    expect(normaliseAnswer('  Абай   Құнанбайұлы. ')).toBe(normaliseAnswer('абай құнанбайұлы'));
    expect(normaliseAnswer('Абай\u00a0\tҚұнанбайұлы')).toBe(normaliseAnswer('абай құнанбайұлы'));
    expect(normaliseAnswer('«Абай жолы»')).toBe(normaliseAnswer('"Абай жолы"'));
    expect(normaliseAnswer('it\u2019s')).toBe(normaliseAnswer("it's"));
    expect(normaliseAnswer('1941\u20131945')).toBe(normaliseAnswer('1941-1945'));
    expect(normaliseAnswer('Ab\u200bc')).toBe(normaliseAnswer('abc'));
    expect(normaliseAnswer('және т.б.')).toBe(normaliseAnswer('және т.б'));
    // Only one full stop goes: an ellipsis is still different from none.
    expect(normaliseAnswer('иә…')).not.toBe(normaliseAnswer('иә'));
  });

  it('reads ё as е', () => {
    expect(normaliseAnswer('Ёлка')).toBe(normaliseAnswer('елка'));
    expect(normaliseAnswer('ёж', true)).toBe(normaliseAnswer('еж', true));
  });

  it('folds Latin look-alikes into the Cyrillic letters on both sides', () => {
    expect(normaliseAnswer(`${LATIN_A}бай`)).toBe(normaliseAnswer(`${CYRILLIC_A}бай`));
    expect(normaliseAnswer(`${CYRILLIC_A}pple`)).toBe(normaliseAnswer(`${LATIN_A}pple`));
    // Every listed letter, upper and lower case: "TOM" / "ТОМ", "cop" / "сор" …
    expect(normaliseAnswer('AEOPCXYKMTHBI')).toBe(normaliseAnswer('АЕОРСХУКМТҺВІ'));
    expect(normaliseAnswer('aeopcxykmthbi')).toBe(normaliseAnswer('аеорсхукмтһві'));
    // Letters without a look-alike stay apart.
    expect(normaliseAnswer('cat')).not.toBe(normaliseAnswer('cot'));
    expect(normaliseAnswer('dog')).not.toBe(normaliseAnswer('dug'));
  });

  it('folds Kazakh letters typed from other layouts', () => {
    expect(normaliseAnswer('\u0259ке')).toBe(normaliseAnswer('әке')); // Latin schwa
    expect(normaliseAnswer('\u018Fке')).toBe(normaliseAnswer('Әке'));
    expect(normaliseAnswer('\u0275нер')).toBe(normaliseAnswer('өнер')); // barred o
    expect(normaliseAnswer('iнi')).toBe(normaliseAnswer('іні')); // Latin i
    expect(normaliseAnswer('\u0406ні')).toBe(normaliseAnswer('іні'));
    expect(normaliseAnswer('\u04A1аза\u04A1')).toBe(normaliseAnswer('қазақ'));
    expect(normaliseAnswer('та\u04A5')).toBe(normaliseAnswer('таң'));
    expect(normaliseAnswer('та\u04CA')).toBe(normaliseAnswer('таң'));
    expect(normaliseAnswer('\u04FBылым')).toBe(normaliseAnswer('ғылым'));
    expect(normaliseAnswer('жиhаз')).toBe(normaliseAnswer('жиһаз'));
    expect(normaliseAnswer('ҮЙ')).toBe(normaliseAnswer('үй'));
    expect(normaliseAnswer('ҰЛЫ')).toBe(normaliseAnswer('ұлы'));
    // ү and ұ are letters of their own, not у.
    expect(normaliseAnswer('үй')).not.toBe(normaliseAnswer('уй'));
    expect(normaliseAnswer('ұл')).not.toBe(normaliseAnswer('ул'));
    expect(normaliseAnswer('қол')).not.toBe(normaliseAnswer('кол'));
  });

  it('keeps case when asked, still folding look-alike capitals', () => {
    expect(normaliseAnswer('Абай', true)).not.toBe(normaliseAnswer('абай', true));
    expect(normaliseAnswer(`${LATIN_A}бай`, true)).toBe(normaliseAnswer('Абай', true));
    expect(normaliseAnswer('Hұр', true)).toBe(normaliseAnswer('Нұр', true));
    expect(normaliseAnswer('Yлкен', true)).toBe(normaliseAnswer('Үлкен', true));
    expect(normaliseAnswer('Tom', true)).not.toBe(normaliseAnswer('tom', true));
  });
});

describe('matchesAccepted', () => {
  it('compares normalised texts', () => {
    expect(matchesAccepted('Абай', `${LATIN_A}бай`, false)).toBe(true);
    expect(matchesAccepted('Абай', ' АБАЙ. ', false)).toBe(true);
    expect(matchesAccepted('Абай', 'абай', true)).toBe(false);
    expect(matchesAccepted('Абай', 'Абайлар', false)).toBe(false);
  });

  it('reads * as any run of characters and \\* as an asterisk', () => {
    expect(matchesAccepted('Құнанбай*', 'Құнанбайұлы', false)).toBe(true);
    expect(matchesAccepted('Құнанбай*', 'Құнанбай', false)).toBe(true);
    expect(matchesAccepted('*бай*', 'Абай Құнанбайұлы', false)).toBe(true);
    expect(matchesAccepted('а*а', 'абв', false)).toBe(false);
    expect(matchesAccepted('2\\*3', '2*3', false)).toBe(true);
    expect(matchesAccepted('2\\*3', '2x3', false)).toBe(false);
    expect(matchesAccepted('*', 'anything', false)).toBe(true);
  });

  it('stays fast on patterns with many stars', () => {
    const started = Date.now();
    expect(matchesAccepted('*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(1000), false)).toBe(false);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('parseNumber', () => {
  it.each([
    [3.5, 3.5],
    ['3.5', 3.5],
    ['3,5', 3.5],
    ['-2', -2],
    ['\u22122,5', -2.5],
    ['1 234,5', 1234.5],
    ['1\u00a0234\u00a0567', 1234567],
    ['1\u202f234', 1234],
    ['.5', 0.5],
    [' 42 ', 42],
    ['\uff14\uff12', 42],
  ])('reads %p as %p', (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });

  it.each([
    ['abc'],
    [''],
    ['-'],
    ['1,234.5'],
    ['1.234,5'],
    ['12 34'],
    ['1e3'],
    ['3,5 м'],
    ['+3'],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [null],
    [true],
    [['3']],
    [{}],
  ])('rejects %p', (input) => {
    expect(parseNumber(input)).toBeNull();
  });
});
