import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128; // max bounds hashing cost

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'personal';

// Code points, not UTF-16 units, so an astral character (emoji) counts once like any letter.
function codePoints(s: string): string[] {
  return Array.from(s);
}

function isSingleRepeatedChar(chars: readonly string[]): boolean {
  return chars.every((c) => c === chars[0]);
}

// Runs wrap around (…8901…) because with 10+ characters only 0123456789 and 9876543210
// would otherwise qualify, missing the common 1234567890 / 0987654321 shapes.
function isConsecutiveDigitRun(s: string): boolean {
  if (!/^[0-9]+$/.test(s)) return false;
  const step = (i: number): number => (s.charCodeAt(i) - s.charCodeAt(i - 1) + 10) % 10;
  const first = step(1);
  if (first !== 1 && first !== 9) return false;
  for (let i = 2; i < s.length; i++) {
    if (step(i) !== first) return false;
  }
  return true;
}

const stripWhitespace = (s: string): string => s.replace(/\s+/gu, '');

function isPersonal(lower: string, context: { email?: string; fullName?: string }): boolean {
  if (context.email) {
    const email = context.email.trim().toLowerCase();
    const at = email.lastIndexOf('@');
    const local = at >= 0 ? email.slice(0, at) : email;
    // Shorter local parts ('ali', 'kz') would match too many unrelated passwords.
    if (codePoints(local).length >= 4 && lower.includes(local)) return true;
  }
  if (context.fullName) {
    const name = stripWhitespace(context.fullName.toLowerCase());
    // Whitespace is ignored on both sides so "Aigerim Seitova" as a password also matches.
    if (name.length > 0 && stripWhitespace(lower) === name) return true;
  }
  return false;
}

/** Returns the first problem found, or null when the password is acceptable. */
export function checkPassword(
  password: string,
  context: { email?: string; fullName?: string } = {},
): PasswordProblem | null {
  const length = codePoints(password).length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';

  const lower = password.toLowerCase();
  if (
    COMMON_PASSWORDS.has(lower) ||
    isSingleRepeatedChar(codePoints(lower)) ||
    isConsecutiveDigitRun(lower)
  ) {
    return 'common';
  }
  if (isPersonal(lower, context)) return 'personal';
  return null;
}
