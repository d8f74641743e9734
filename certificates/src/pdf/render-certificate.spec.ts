import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import {
  type CertificatePdfData,
  formatIssueDate,
  renderCertificatePdf,
} from './render-certificate';
import { findTemplatesDir, loadCertificateAssets, templatesDir } from './templates';

const REPO = path.resolve(__dirname, '../../..');
const TEMPLATES = path.join(REPO, 'certificates', 'templates');

const data = (over: Partial<CertificatePdfData> = {}): CertificatePdfData => ({
  level: 'deepen',
  languages: ['kk', 'ru'],
  number: 'QDM-2026-000123',
  holderName: 'Әйгерім Нұрланқызы Сейітқали',
  course: {
    title: {
      kk: 'Ұстаздарға арналған жасанды интеллект: Іс-тәжірибе',
      ru: 'Искусственный интеллект для учителей: практика',
      en: 'Artificial Intelligence for Teachers in Practice',
    },
    hours: 72,
  },
  issuedAt: new Date('2026-03-15T06:00:00Z'),
  competencies: [
    {
      code: 'unesco-cft:1.1',
      name: {
        kk: 'Адамға бағдарланған көзқарас',
        ru: 'Человекоцентричный подход',
        en: 'Human-centred mindset',
      },
    },
    {
      code: 'iste-ed:2.5.b',
      name: { kk: 'Оқытуды жобалау', ru: 'Проектирование обучения', en: 'Designer' },
    },
  ],
  issuer: {
    name: {
      kk: '«Өрлеу» біліктілікті арттыру ұлттық орталығы» АҚ',
      ru: 'АО «Национальный центр повышения квалификации «Өрлеу»',
      en: '"Orleu" National Centre for Professional Development',
    },
    signatoryName: 'Серік Қуанышұлы Әлімжанов',
    signatoryTitle: {
      kk: 'Басқарма төрағасы',
      ru: 'Председатель правления',
      en: 'Chairman of the Board',
    },
  },
  verifyUrl: 'https://qadam.orleu.edu.kz/verify/3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c',
  ...over,
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'qadam-cert-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
async function renderToFile(input: CertificatePdfData): Promise<string> {
  const file = path.join(dir, `cert-${++counter}.pdf`);
  writeFileSync(file, await renderCertificatePdf(input));
  return file;
}

const run = (tool: string, args: string[]) =>
  execFileSync(`/usr/bin/${tool}`, args, { encoding: 'utf8' });
/** Layout text with every run of whitespace (line breaks, no-break spaces) as one space. */
const textOf = (file: string) => run('pdftotext', ['-layout', file, '-']).replace(/\s+/g, ' ');

describe('renderCertificatePdf', () => {
  it.each(['acquire', 'deepen'] as const)(
    'puts the %s certificate details into extractable text, Kazakh letters intact',
    async (level) => {
      const text = textOf(await renderToFile(data({ level })));
      for (const expected of [
        'Әйгерім Нұрланқызы Сейітқали',
        '«Ұстаздарға арналған жасанды интеллект: Іс-тәжірибе» курсы бойынша 72 академиялық сағат',
        '«Искусственный интеллект для учителей: практика» в объёме 72 академических часов',
        'QDM-2026-000123',
        '15.03.2026',
        'unesco-cft:1.1 Адамға бағдарланған көзқарас',
        'iste-ed:2.5.b',
        '«Өрлеу» біліктілікті арттыру ұлттық орталығы» АҚ',
        'АО «Национальный центр повышения квалификации «Өрлеу»',
        'Серік Қуанышұлы Әлімжанов',
        'Председатель правления',
        'https://qadam.orleu.edu.kz/verify/3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c',
      ]) {
        expect(text).toContain(expected);
      }
      for (const letter of ['Ә', 'Қ', 'Ұ', 'І', 'ә', 'і', 'ұ', 'қ', 'ң', 'ө']) {
        expect(text).toContain(letter);
      }
    },
  );

  it('embeds every font (no Type 3) on one landscape A4 page with the number in the title', async () => {
    const file = await renderToFile(data());
    const rows = run('pdffonts', [file]).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row).not.toMatch(/Type 3/);
      const m = / (yes|no) +(yes|no) +(yes|no) +\d+ +\d+$/.exec(row);
      expect(m?.[1]).toBe('yes');
    }
    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/^Page size: +841\.89 x 595\.28 pts/m);
    expect(info).toMatch(/^Pages: +1$/m);
    expect(info).toMatch(/^Title: .*QDM-2026-000123/m);
    expect(info).toMatch(/^Producer: +Qadam$/m);
  });

  it('draws a QR code that decodes to the verification URL', async () => {
    const url = 'https://qadam.orleu.edu.kz/verify/0b6f5a34-1c2d-4e5f-8a9b-c0d1e2f3a4b5';
    const file = await renderToFile(data({ verifyUrl: url, languages: ['kk', 'ru', 'en'] }));
    const prefix = path.join(dir, 'qr');
    run('pdftoppm', ['-png', '-r', '100', '-singlefile', file, prefix]);
    const png = PNG.sync.read(readFileSync(`${prefix}.png`));
    const code = jsQR(Uint8ClampedArray.from(png.data), png.width, png.height);
    expect(code?.data).toBe(url);
  });

  it('adds English only when asked to', async () => {
    const english = [
      'CERTIFICATE',
      '"Orleu" National Centre for Professional Development',
      'has completed the course “Artificial Intelligence for Teachers in Practice” in the amount of 72 academic hours',
      'Chairman of the Board',
      'Deepen',
    ];
    const without = textOf(await renderToFile(data({ languages: ['kk', 'ru'] })));
    for (const s of english) expect(without).not.toContain(s);
    expect(without).not.toMatch(/[A-Z][a-z]{3,}/); // no English words at all (codes are lower case)
    const withEn = textOf(await renderToFile(data({ languages: ['kk', 'ru', 'en'] })));
    for (const s of english) expect(withEn).toContain(s);
    // Kazakh still comes first, then Russian, then English.
    const kk = withEn.indexOf('курсы бойынша');
    const ru = withEn.indexOf('в объёме');
    const en = withEn.indexOf('has completed');
    expect(kk).toBeGreaterThan(-1);
    expect(kk).toBeLessThan(ru);
    expect(ru).toBeLessThan(en);
  });

  it('keeps Latin text extractable after documents whose Cyrillic reuses Latin glyph parts', async () => {
    // Fonts are shared across documents; DejaVu draws Cyrillic С, А, Е, р... from Latin glyphs.
    await renderCertificatePdf(
      data({ holderName: 'САРА ЕРКЕ АСЕТ ОРАЗ', languages: ['kk', 'ru'] }),
    );
    const text = textOf(await renderToFile(data({ languages: ['kk', 'ru', 'en'] })));
    expect(text).toContain('CERTIFICATE');
    expect(text).toContain('Competencies evidenced');
    expect(text).toContain('Certificate No.');
  });

  it('leaves a bare signature line when no signatory name is set', async () => {
    const base = data();
    const file = await renderToFile(
      data({ issuer: { ...base.issuer, signatoryName: '' }, languages: ['kk', 'ru', 'en'] }),
    );
    const text = textOf(file);
    expect(text).not.toContain('Серік');
    expect(text).toContain('Басқарма төрағасы');
    expect(text).toContain('Chairman of the Board');
  });

  it('uses each level its own template', async () => {
    const acquire = textOf(await renderToFile(data({ level: 'acquire' })));
    const deepen = textOf(await renderToFile(data({ level: 'deepen' })));
    const create = textOf(await renderToFile(data({ level: 'create' })));
    expect(acquire).toContain('КУӘЛІК');
    expect(acquire).toContain('СВИДЕТЕЛЬСТВО');
    expect(acquire).toContain('Игеру / Освоение');
    expect(deepen).not.toContain('КУӘЛІК');
    expect(deepen).toContain('СЕРТИФИКАТ');
    expect(deepen).toContain('Тереңдету / Углубление');
    expect(create).toContain('Құру / Создание');
    expect(create).not.toContain('Тереңдету');
  });

  it('renders the same input to the same bytes, and another input to other bytes', async () => {
    const a = await renderCertificatePdf(data({ languages: ['kk', 'ru', 'en'] }));
    const b = await renderCertificatePdf(data({ languages: ['kk', 'ru', 'en'] }));
    expect(a.equals(b)).toBe(true);
    const c = await renderCertificatePdf(
      data({ languages: ['kk', 'ru', 'en'], number: 'QDM-2026-000124' }),
    );
    expect(a.equals(c)).toBe(false);
  });

  it('fits a long name, long titles and many competencies on one page', async () => {
    const competencies = Array.from({ length: 12 }, (_, i) => ({
      code: `iste-ed:${i + 1}.1.a`,
      name: { kk: `Құзырет ${i + 1}`, ru: `Компетенция ${i + 1}`, en: `Competency ${i + 1}` },
    }));
    const long = 'Әйгерім-Гүлназ Нұрсұлтанқызы Сейітқали-Жұмабаева Абдрахманова-Тлеуғабылова';
    const file = await renderToFile(
      data({
        holderName: long,
        competencies,
        course: {
          hours: 1,
          title: {
            kk: 'Мұғалімдерге арналған жасанды интеллект: сабақты жоспарлау, бағалау, кері байланыс, ата-аналармен жұмыс және кәсіби этика бойынша кешенді практикалық курс',
            ru: 'Искусственный интеллект для учителей: планирование уроков, оценивание, обратная связь, работа с родителями и профессиональная этика — комплексный практический курс',
            en: 'x',
          },
        },
      }),
    );
    expect(run('pdfinfo', [file])).toMatch(/^Pages: +1$/m);
    const text = textOf(file);
    expect(text).toContain('Абдрахманова-Тлеуғабылова');
    expect(text).toContain('в объёме 1 академического часа');
    // Eight lines at most: seven competencies and "and 5 more" in the primary language (kk).
    expect(text).toContain('iste-ed:7.1.a Құзырет 7');
    expect(text).not.toContain('iste-ed:8.1.a');
    expect(text).toContain('және тағы 5');
  });
});

describe('formatIssueDate', () => {
  it('is dd.mm.yyyy in Kazakhstan time', () => {
    expect(formatIssueDate(new Date('2026-01-05T10:00:00Z'))).toBe('05.01.2026');
    // 20:30 UTC is already the next day in Astana and Almaty.
    expect(formatIssueDate(new Date('2026-03-14T20:30:00Z'))).toBe('15.03.2026');
  });
});

describe('templates', () => {
  it('are found from the sources and from a compiled copy under dist/', () => {
    expect(templatesDir()).toBe(TEMPLATES);
    expect(findTemplatesDir(path.join(REPO, 'dist', 'certificates', 'src', 'pdf'))).toBe(TEMPLATES);
  });

  it('load, one per level', () => {
    const { templates } = loadCertificateAssets(TEMPLATES);
    expect(Object.keys(templates).sort()).toEqual(['acquire', 'create', 'deepen']);
    expect(templates.acquire.levelName).toEqual({ kk: 'Игеру', ru: 'Освоение', en: 'Acquire' });
  });

  describe('a malformed one', () => {
    let broken: string;
    beforeEach(() => {
      broken = mkdtempSync(path.join(tmpdir(), 'qadam-templates-'));
      cpSync(TEMPLATES, broken, { recursive: true });
    });
    afterEach(() => rmSync(broken, { recursive: true, force: true }));

    const edit = (level: string, change: (t: Record<string, any>) => void) => {
      const file = path.join(broken, `${level}.json`);
      const t = JSON.parse(readFileSync(file, 'utf8'));
      change(t);
      writeFileSync(file, JSON.stringify(t));
    };

    it('names the file and the field', () => {
      edit('deepen', (t) => delete t.labels.number.ru);
      expect(() => loadCertificateAssets(broken)).toThrow(
        /deepen\.json: "labels\.number\.ru" must be a non-empty string/,
      );
    });

    it('names the file when the JSON does not parse', () => {
      writeFileSync(path.join(broken, 'create.json'), '{ "level": "create", ');
      expect(() => loadCertificateAssets(broken)).toThrow(/create\.json: invalid JSON/);
    });

    it('rejects a statement without its placeholders and a bad colour', () => {
      edit('acquire', (t) => (t.statement.kk = 'курсты аяқтады'));
      expect(() => loadCertificateAssets(broken)).toThrow(
        /acquire\.json: "statement\.kk" must contain \{course\}/,
      );
      edit('acquire', (t) => {
        t.statement.kk = '«{course}» {hours}';
        t.colors.accent = 'teal';
      });
      expect(() => loadCertificateAssets(broken)).toThrow(/acquire\.json: "colors\.accent"/);
    });

    it('fails the render with the file name', async () => {
      edit('create', (t) => (t.border.style = 'dotted'));
      await expect(renderCertificatePdf(data(), { templatesDir: broken })).rejects.toThrow(
        /create\.json: "border\.style"/,
      );
    });
  });
});
