import { COMMON_PASSWORDS } from './common-passwords';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, checkPassword } from './password-policy';

// Non-repeating, non-dictionary filler so only the length rule can fire.
const FILLER = 'Tq8#vLm2Zp';
const ofLength = (n: number): string => FILLER.repeat(Math.ceil(n / FILLER.length)).slice(0, n);

describe('constants', () => {
  it('are 10 and 128', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(PASSWORD_MAX_LENGTH).toBe(128);
  });
});

describe('COMMON_PASSWORDS', () => {
  it('holds 150-250 entries', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(150);
    expect(COMMON_PASSWORDS.size).toBeLessThanOrEqual(250);
  });

  it('holds only lower-case entries the length rule would not already reject', () => {
    for (const p of COMMON_PASSWORDS) {
      expect(p).toBe(p.toLowerCase());
      expect(Array.from(p).length).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH);
      expect(Array.from(p).length).toBeLessThanOrEqual(PASSWORD_MAX_LENGTH);
    }
  });

  it('includes local patterns', () => {
    for (const p of [
      '1234567890',
      'qwertyuiop',
      'йцукенгшщз',
      'kazakhstan2024',
      'парольпароль',
      'qazwsxedcrfv',
    ]) {
      expect(COMMON_PASSWORDS.has(p)).toBe(true);
    }
  });
});

describe('checkPassword', () => {
  describe('length', () => {
    it('rejects 9 characters and accepts 10', () => {
      expect(checkPassword(ofLength(9))).toBe('too_short');
      expect(checkPassword(ofLength(10))).toBeNull();
    });

    it('accepts 128 characters and rejects 129', () => {
      expect(checkPassword(ofLength(128))).toBeNull();
      expect(checkPassword(ofLength(129))).toBe('too_long');
    });

    it('rejects the empty string', () => {
      expect(checkPassword('')).toBe('too_short');
    });

    it('counts each Kazakh letter as one character', () => {
      expect(checkPassword('әғқңөұүһі')).toBe('too_short'); // 9 letters
      expect(checkPassword('әғқңөұүһіә')).toBeNull(); // 10 letters
      // UTF-8 byte counting would see 18 and 20 bytes here.
      expect(new TextEncoder().encode('әғқңөұүһі').length).toBe(18);
    });

    it('counts code points, not UTF-16 units', () => {
      // Each emoji is two UTF-16 units: .length would say 18 and 256.
      const emoji = ['😀', '🐎', '🏔', '🍎', '🌷', '🦅', '📚', '🎓', '✨', '🚀'];
      const nine = emoji.slice(0, 9).join('');
      expect(nine.length).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH);
      expect(checkPassword(nine)).toBe('too_short');

      const astral = emoji.filter((e) => e.length === 2);
      const many = Array.from({ length: 128 }, (_, i) => astral[i % astral.length]).join('');
      expect(many.length).toBe(256);
      expect(checkPassword(many)).toBeNull();
      expect(checkPassword(many + astral[0])).toBe('too_long');
    });

    it('reports length before any other problem', () => {
      expect(checkPassword('123456789')).toBe('too_short');
      expect(checkPassword('aigerim', { email: 'aigerim@mail.kz' })).toBe('too_short');
    });
  });

  describe('common', () => {
    it.each([
      '1234567890',
      'qwertyuiop',
      'password123',
      '1q2w3e4r5t',
      'йцукенгшщз',
      'kazakhstan2024',
      'парольпароль',
    ])('rejects listed password %s', (p) => {
      expect(checkPassword(p)).toBe('common');
    });

    it('compares case-insensitively, including Cyrillic', () => {
      expect(checkPassword('PassWord123')).toBe('common');
      expect(checkPassword('KAZAKHSTAN2024')).toBe('common');
      expect(checkPassword('ПарольПароль')).toBe('common');
      expect(checkPassword('ҚАЗАҚСТАН123')).toBe('common');
    });

    it('rejects a single repeated character not in the list', () => {
      expect(checkPassword('жжжжжжжжжж')).toBe('common');
      expect(checkPassword('!!!!!!!!!!!!')).toBe('common');
      expect(checkPassword('ҚқҚқҚқҚқҚқ')).toBe('common');
      expect(checkPassword('🐎'.repeat(12))).toBe('common');
    });

    it('rejects ascending and descending digit runs, wrapping past 9/0', () => {
      for (const p of ['3456789012', '6543210987', '01234567890123', '5432109876543']) {
        expect(COMMON_PASSWORDS.has(p)).toBe(false);
        expect(checkPassword(p)).toBe('common');
      }
    });

    it('accepts digit strings that are not a run', () => {
      for (const p of ['1234567899', '1357913579', '2468024680', '1234567880', '1234543210']) {
        expect(checkPassword(p)).toBeNull();
      }
    });

    it('accepts a near-repeat', () => {
      expect(checkPassword('aaaaaaaaab')).toBeNull();
    });
  });

  describe('personal', () => {
    it('rejects a password containing the email local part', () => {
      const email = 'aigerim.s@mail.kz';
      expect(checkPassword('aigerim.s2026!', { email })).toBe('personal');
      expect(checkPassword('My-AIGERIM.S-key', { email })).toBe('personal');
      expect(checkPassword('Tq8#vLm2Zp', { email })).toBeNull();
    });

    it('matches the local part case-insensitively and ignores surrounding spaces', () => {
      expect(checkPassword('aigerim.s2026!', { email: ' Aigerim.S@Mail.KZ ' })).toBe('personal');
    });

    it('ignores local parts shorter than 4 characters', () => {
      expect(checkPassword('ali-is-my-friend', { email: 'ali@mail.kz' })).toBeNull();
      expect(checkPassword('asel-is-my-friend', { email: 'asel@mail.kz' })).toBe('personal');
    });

    it('rejects the full name with spaces removed, case-insensitively', () => {
      const fullName = 'Айгерим Сейтова';
      expect(checkPassword('айгеримсейтова', { fullName })).toBe('personal');
      expect(checkPassword('АЙГЕРИМСЕЙТОВА', { fullName })).toBe('personal');
      expect(checkPassword('Айгерим Сейтова', { fullName })).toBe('personal');
      expect(checkPassword('AigerimSeitova', { fullName: 'Aigerim  Seitova' })).toBe('personal');
    });

    it('only rejects an exact full-name match', () => {
      expect(checkPassword('АйгеримСейтова2026', { fullName: 'Айгерим Сейтова' })).toBeNull();
    });

    it('ignores empty context values', () => {
      expect(checkPassword(ofLength(12), { email: '', fullName: '   ' })).toBeNull();
      expect(checkPassword(ofLength(12), {})).toBeNull();
    });

    it('reports common before personal', () => {
      expect(checkPassword('kazakhstan2024', { email: 'kazakhstan@mail.kz' })).toBe('common');
    });
  });

  it('accepts a Kazakh passphrase', () => {
    expect(checkPassword('Менің құпия сөзім 2026')).toBeNull();
    expect(
      checkPassword('Менің құпия сөзім 2026', {
        email: 'aigerim@mail.kz',
        fullName: 'Айгерим Сейтова',
      }),
    ).toBeNull();
  });
});
