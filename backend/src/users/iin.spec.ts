import { checkIin, iinCheckDigit, makeIin } from './iin';

// Fixed "today" so date-dependent expectations never drift.
const TODAY = new Date('2026-01-15T06:00:00Z');

/** Appends the computed check digit; fails loudly if the prefix has none. */
function withCheck(first11: string): string {
  const d = iinCheckDigit(first11);
  if (d === null) throw new Error(`no check digit for ${first11}`);
  return first11 + String(d);
}

describe('iinCheckDigit', () => {
  it('uses the first pass when it is not 10', () => {
    // 9 0 0 1 0 1 3 0 0 1 2 with weights 1..11:
    // 9*1 + 0*2 + 0*3 + 1*4 + 0*5 + 1*6 + 3*7 + 0*8 + 0*9 + 1*10 + 2*11
    // = 9 + 4 + 6 + 21 + 10 + 22 = 72; 72 mod 11 = 6
    expect(iinCheckDigit('90010130012')).toBe(6);
  });

  it('falls back to the second pass when the first gives 10', () => {
    // 9 0 0 1 0 1 3 0 0 8 1, first pass (weights 1..11):
    // 9 + 4 + 6 + 21 + 8*10 + 1*11 = 131; 131 mod 11 = 10 -> second pass
    // weights 3,4,5,6,7,8,9,10,11,1,2:
    // 9*3 + 1*6 + 1*8 + 3*9 + 8*1 + 1*2 = 27 + 6 + 8 + 27 + 8 + 2 = 78; 78 mod 11 = 1
    expect(iinCheckDigit('90010130081')).toBe(1);
  });

  it('returns null when both passes give 10', () => {
    // 9 0 0 1 0 1 3 0 0 8 0, first pass: 9 + 4 + 6 + 21 + 8*10 + 0*11 = 120; 120 mod 11 = 10
    // second pass: 27 + 6 + 8 + 27 + 8*1 + 0*2 = 76; 76 mod 11 = 10 -> not computable
    expect(iinCheckDigit('90010130080')).toBeNull();
  });

  it('computes a second example by hand', () => {
    // 0 0 0 2 2 9 5 0 0 0 1 with weights 1..11:
    // 2*4 + 2*5 + 9*6 + 5*7 + 1*11 = 8 + 10 + 54 + 35 + 11 = 118; 118 mod 11 = 8
    expect(iinCheckDigit('00022950001')).toBe(8);
  });

  it('rejects input that is not 11 digits', () => {
    expect(() => iinCheckDigit('9001013001')).toThrow(RangeError);
    expect(() => iinCheckDigit('9001013001a')).toThrow(RangeError);
  });
});

describe('checkIin', () => {
  it('accepts a valid male IIN from the 1900s', () => {
    expect(checkIin('900101300126', TODAY)).toEqual({
      ok: true,
      birthDate: '1990-01-01',
      sex: 'male',
    });
  });

  it('accepts a valid IIN whose check digit comes from the second pass', () => {
    expect(checkIin('900101300811', TODAY)).toEqual({
      ok: true,
      birthDate: '1990-01-01',
      sex: 'male',
    });
  });

  it('accepts valid IINs born on 29 Feb 2000 (leap year), male and female', () => {
    // Check digits worked out in the iinCheckDigit and makeIin tests.
    expect(checkIin('000229500018', TODAY)).toEqual({
      ok: true,
      birthDate: '2000-02-29',
      sex: 'male',
    });
    expect(checkIin('000229600014', TODAY)).toEqual({
      ok: true,
      birthDate: '2000-02-29',
      sex: 'female',
    });
  });

  it('maps every century digit to its century and sex', () => {
    const cases = [
      ['90', '1', '1890-05-17', 'male'],
      ['90', '2', '1890-05-17', 'female'],
      ['90', '3', '1990-05-17', 'male'],
      ['90', '4', '1990-05-17', 'female'],
      ['10', '5', '2010-05-17', 'male'],
      ['10', '6', '2010-05-17', 'female'],
    ] as const;
    for (const [yy, digit, birthDate, sex] of cases) {
      const iin = withCheck(`${yy}0517${digit}0042`);
      expect(checkIin(iin, TODAY)).toEqual({ ok: true, birthDate, sex });
    }
  });

  it('rejects every wrong check digit', () => {
    for (let d = 0; d <= 9; d++) {
      if (d === 6) continue;
      expect(checkIin(`90010130012${d}`, TODAY)).toEqual({ ok: false, problem: 'checksum' });
    }
  });

  it('rejects a number whose check digit is not computable whatever the last digit', () => {
    for (let d = 0; d <= 9; d++) {
      expect(checkIin(`90010130080${d}`, TODAY)).toEqual({ ok: false, problem: 'checksum' });
    }
  });

  it.each([
    ['11 digits', '90010130012'],
    ['13 digits', '9001013001260'],
    ['empty', ''],
    ['letter', '90010130012a'],
    ['leading space', ' 900101300126'],
    ['trailing newline', '900101300126\n'],
    ['dash', '900101-30012'],
    ['full-width digits', '９００１０１３００１２６'],
    ['Arabic-Indic digits', '٩٠٠١٠١٣٠٠١٢٦'],
  ])('rejects format: %s', (_label, value) => {
    expect(checkIin(value, TODAY)).toEqual({ ok: false, problem: 'format' });
  });

  it('rejects a non-string at runtime as format', () => {
    expect(checkIin(900101300126 as unknown as string, TODAY)).toEqual({
      ok: false,
      problem: 'format',
    });
  });

  it.each(['0', '7', '8', '9'])('rejects century digit %s', (digit) => {
    const iin = withCheck(`900101${digit}0012`);
    expect(checkIin(iin, TODAY)).toEqual({ ok: false, problem: 'century' });
  });

  it.each([
    ['month 13', '901301'],
    ['month 00', '900001'],
    ['day 00', '900100'],
    ['day 32', '900132'],
    ['31 April', '900431'],
    ['30 February', '900230'],
    ['29 Feb 1990 (not leap)', '900229'],
  ])('rejects impossible date: %s', (_label, yymmdd) => {
    const iin = withCheck(`${yymmdd}30012`);
    expect(checkIin(iin, TODAY)).toEqual({ ok: false, problem: 'date' });
  });

  it('knows the length of every month', () => {
    const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    lengths.forEach((last, i) => {
      const mm = String(i + 1).padStart(2, '0');
      expect(checkIin(withCheck(`90${mm}${last}30012`), TODAY)).toMatchObject({ ok: true });
      expect(checkIin(withCheck(`90${mm}${last + 1}30012`), TODAY)).toEqual({
        ok: false,
        problem: 'date',
      });
    });
  });

  it('uses the full year from the century digit for leap years', () => {
    // Same "00" year: 2000 is leap (divisible by 400), 1900 and 1800 are not (divisible by 100).
    expect(checkIin(withCheck('00022950001'), TODAY)).toMatchObject({
      ok: true,
      birthDate: '2000-02-29',
    });
    expect(checkIin(withCheck('00022960001'), TODAY)).toMatchObject({
      ok: true,
      birthDate: '2000-02-29',
    });
    expect(checkIin(withCheck('00022930001'), TODAY)).toEqual({ ok: false, problem: 'date' });
    expect(checkIin(withCheck('00022940001'), TODAY)).toEqual({ ok: false, problem: 'date' });
    expect(checkIin(withCheck('00022910001'), TODAY)).toEqual({ ok: false, problem: 'date' });
    // 1896 is an ordinary leap year.
    expect(checkIin(withCheck('96022910001'), TODAY)).toMatchObject({
      ok: true,
      birthDate: '1896-02-29',
    });
  });

  it('rejects a birth date after today but accepts today', () => {
    expect(checkIin(withCheck('26011650001'), TODAY)).toEqual({ ok: false, problem: 'date' });
    expect(checkIin(withCheck('27011550001'), TODAY)).toEqual({ ok: false, problem: 'date' });
    expect(checkIin(withCheck('26011550001'), TODAY)).toMatchObject({
      ok: true,
      birthDate: '2026-01-15',
    });
  });

  it('judges "today" in Kazakhstan time (UTC+5), not UTC', () => {
    // 20:00 UTC on 15 Jan is already 01:00 on 16 Jan in Kazakhstan.
    const lateEvening = new Date('2026-01-15T20:00:00Z');
    expect(checkIin(withCheck('26011650001'), lateEvening)).toMatchObject({
      ok: true,
      birthDate: '2026-01-16',
    });
    // 18:00 UTC is 23:00 in Kazakhstan: still 15 Jan.
    const beforeMidnight = new Date('2026-01-15T18:00:00Z');
    expect(checkIin(withCheck('26011650001'), beforeMidnight)).toEqual({
      ok: false,
      problem: 'date',
    });
  });

  it('checks the date before the checksum', () => {
    // Wrong check digit and impossible date: the date problem is the more useful message.
    const iin = withCheck('90130130012');
    const wrong = iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10);
    expect(checkIin(wrong, TODAY)).toEqual({ ok: false, problem: 'date' });
  });
});

describe('makeIin', () => {
  it('builds the hand-computed examples', () => {
    expect(makeIin('1990-01-01', 'male', 12)).toBe('900101300126');
    // 0 0 0 2 2 9 6 0 0 0 1: 2*4 + 2*5 + 9*6 + 6*7 + 1*11 = 8 + 10 + 54 + 42 + 11 = 125; 125 mod 11 = 4
    expect(makeIin('2000-02-29', 'female', 1)).toBe('000229600014');
  });

  it('skips a serial whose check digit is not computable', () => {
    // Serial 0080 gives 10 on both passes (see iinCheckDigit tests); 0081 is next.
    expect(makeIin('1990-01-01', 'male', 80)).toBe('900101300811');
  });

  it('wraps from serial 9999 to 0000', () => {
    // 9 0 0 3 2 2 3 9 9 9 9: first pass 406 mod 11 = 10, second pass 318 mod 11 = 10.
    expect(iinCheckDigit('90032239999')).toBeNull();
    // 9 0 0 3 2 2 3 0 0 0 0: 9 + 3*4 + 2*5 + 2*6 + 3*7 = 64; 64 mod 11 = 9
    expect(makeIin('1990-03-22', 'male', 9999)).toBe('900322300009');
  });

  it('round-trips through checkIin for many dates, sexes and serials', () => {
    const start = Date.UTC(1800, 0, 1);
    const end = Date.UTC(2025, 11, 31);
    const dayMs = 24 * 60 * 60 * 1000;
    let count = 0;
    let serial = 0;
    // Step by 37 days so every month/day position and all three centuries are hit.
    for (let t = start; t <= end; t += 37 * dayMs) {
      const birthDate = new Date(t).toISOString().slice(0, 10);
      for (const sex of ['male', 'female'] as const) {
        serial = (serial * 7919 + 17) % 10000;
        const iin = makeIin(birthDate, sex, serial);
        expect(iin).toMatch(/^[0-9]{12}$/);
        expect(checkIin(iin, TODAY)).toEqual({ ok: true, birthDate, sex });
        count++;
      }
    }
    // Leap days in each century, including the century year rules.
    for (const birthDate of [
      '1804-02-29',
      '1896-02-29',
      '1904-02-29',
      '2000-02-29',
      '2024-02-29',
    ]) {
      for (let s = 0; s < 50; s++) {
        expect(
          checkIin(makeIin(birthDate, s % 2 ? 'male' : 'female', s * 199), TODAY),
        ).toMatchObject({
          ok: true,
          birthDate,
        });
        count++;
      }
    }
    expect(count).toBeGreaterThan(4000);
  });

  it('keeps the requested serial when it has a check digit', () => {
    expect(makeIin('1985-07-15', 'female', 123).slice(7, 11)).toBe('0123');
  });

  it.each([
    ['bad format', '1990-1-1', 0],
    ['not a date', '1990-02-30', 0],
    ['year before 1800', '1799-12-31', 0],
    ['year after 2099', '2100-01-01', 0],
    ['negative serial', '1990-01-01', -1],
    ['serial too large', '1990-01-01', 10000],
    ['fractional serial', '1990-01-01', 1.5],
  ])('rejects %s', (_label, birthDate, serial) => {
    expect(() => makeIin(birthDate, 'male', serial)).toThrow(RangeError);
  });
});
