// Kazakhstan IIN (individual identification number): YYMMDD + century/sex digit
// + 4-digit serial + check digit.

export type IinProblem = 'format' | 'century' | 'date' | 'checksum';

export type IinCheck =
  | { ok: true; birthDate: string /* YYYY-MM-DD */; sex: 'male' | 'female' }
  | { ok: false; problem: IinProblem };

const FIRST_PASS_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_PASS_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

// Kazakhstan has been on a single UTC+5 zone since 2024; "today" is judged there
// so the result does not depend on the server's time zone.
const KZ_UTC_OFFSET_MS = 5 * 60 * 60 * 1000;

function weightedMod11(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += digits[i]! * weights[i]!;
  }
  return sum % 11;
}

/** Check digit for the first 11 digits; null when both passes give 10 (never issued). */
export function iinCheckDigit(first11: string): number | null {
  if (!/^[0-9]{11}$/.test(first11)) {
    throw new RangeError('iinCheckDigit expects exactly 11 ASCII digits');
  }
  const digits = Array.from(first11, (c) => c.charCodeAt(0) - 48);
  const first = weightedMod11(digits, FIRST_PASS_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedMod11(digits, SECOND_PASS_WEIGHTS);
  return second === 10 ? null : second;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function kzToday(today: Date): string {
  const shifted = new Date(today.getTime() + KZ_UTC_OFFSET_MS);
  return `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1, 2)}-${pad(shifted.getUTCDate(), 2)}`;
}

export function checkIin(value: string, today: Date = new Date()): IinCheck {
  if (typeof value !== 'string' || !/^[0-9]{12}$/.test(value)) {
    return { ok: false, problem: 'format' };
  }
  const centuryDigit = Number(value[6]);
  if (centuryDigit < 1 || centuryDigit > 6) {
    return { ok: false, problem: 'century' };
  }
  // 1,2 -> 1800s; 3,4 -> 1900s; 5,6 -> 2000s.
  const century = 1800 + Math.floor((centuryDigit - 1) / 2) * 100;
  const year = century + Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  if (!isCalendarDate(year, month, day)) {
    return { ok: false, problem: 'date' };
  }
  const birthDate = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  // Zero-padded ISO dates compare correctly as strings.
  if (birthDate > kzToday(today)) {
    return { ok: false, problem: 'date' };
  }
  const expected = iinCheckDigit(value.slice(0, 11));
  if (expected === null || expected !== Number(value[11])) {
    return { ok: false, problem: 'checksum' };
  }
  return { ok: true, birthDate, sex: centuryDigit % 2 === 1 ? 'male' : 'female' };
}

/** Builds a valid IIN; for test factories. Skips serials whose check digit is not computable. */
export function makeIin(birthDate: string, sex: 'male' | 'female', serial: number): string {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(birthDate);
  if (!m) throw new RangeError(`makeIin: birthDate must be YYYY-MM-DD, got ${birthDate}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1800 || year > 2099) {
    throw new RangeError(`makeIin: year ${year} has no IIN century digit`);
  }
  if (!isCalendarDate(year, month, day)) {
    throw new RangeError(`makeIin: ${birthDate} is not a calendar date`);
  }
  if (!Number.isInteger(serial) || serial < 0 || serial > 9999) {
    throw new RangeError(`makeIin: serial must be an integer 0-9999, got ${serial}`);
  }
  const centuryDigit = (Math.floor(year / 100) - 18) * 2 + (sex === 'male' ? 1 : 2);
  const prefix = `${pad(year % 100, 2)}${pad(month, 2)}${pad(day, 2)}${centuryDigit}`;
  // At most 10000 attempts; most serials work, so this ends within a few steps.
  for (let i = 0; i < 10000; i++) {
    const s = (serial + i) % 10000;
    const first11 = prefix + pad(s, 4);
    const check = iinCheckDigit(first11);
    if (check !== null) return first11 + String(check);
  }
  throw new Error(`makeIin: no serial gives a valid check digit for ${prefix}`);
}
