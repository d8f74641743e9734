import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { VerificationResult } from '@qadam/contracts';
import { APP_LOOK, renderVerificationPage } from './verification-page';

/** `--q-*` custom properties declared in a stylesheet. */
const palette = (css: string) =>
  Object.fromEntries(
    [...css.matchAll(/(--q-[a-z-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]),
  );

const appStyles = readFileSync(path.join(__dirname, '../../../frontend/src/styles.css'), 'utf8');

const result: VerificationResult = {
  valid: true,
  status: 'issued',
  holderName: 'Сәуле Нұрланқызы',
  level: 'acquire',
  courseTitle: { kk: 'Педагог жұмысындағы ЖИ' },
  number: 'QA-2026-000001',
  issuedAt: '2026-11-25T06:00:00Z',
  issuer: 'Орлеу',
  hours: 12,
} as unknown as VerificationResult;

describe('the verification page looks like the web app', () => {
  it("uses the app's palette, radius and fonts, value for value", () => {
    const app = palette(appStyles);
    const page = palette(APP_LOOK);
    for (const name of [
      '--q-primary',
      '--q-text',
      '--q-muted',
      '--q-border',
      '--q-bg',
      '--q-ok',
      '--q-warn',
      '--q-error',
      '--q-radius',
    ]) {
      expect([name, page[name]]).toEqual([name, app[name]]);
    }
    const fonts = (css: string) => /font-family:\s*([^;]+);/.exec(css)?.[1].replace(/\s+/g, '');
    expect(fonts(APP_LOOK)).toBe(fonts(appStyles));
  });

  it("carries the app's header (brand linking home, tagline) and its card, in the page's language", () => {
    const html = renderVerificationPage(result, 'ru', {
      self: 'https://qadam.orleu.kz/verify/x',
      credentialUrl: null,
    });
    expect(html).toContain('<a class="q-brand" href="/">');
    expect(html).toContain('ИИ-компетентность педагогов: Освоение → Углубление → Создание');
    expect(html).toContain('<section class="q-card valid"');
    expect(html).toContain('<nav aria-label="Язык">');
    expect(html).not.toMatch(/<script/i);
  });
});
