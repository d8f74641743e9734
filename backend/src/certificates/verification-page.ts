import type { Lang, LadderLevel, VerificationResult } from '@qadam/contracts';
import { pickText } from '../courses/text';

type Local = Record<Lang, string>;

const T = {
  title: { kk: 'Сертификатты тексеру', ru: 'Проверка сертификата', en: 'Certificate verification' },
  valid: {
    kk: 'Сертификат жарамды',
    ru: 'Сертификат действителен',
    en: 'The certificate is valid',
  },
  validNote: {
    kk: 'Оны берген ұйым растаған: цифрлық қолтаңба дұрыс.',
    ru: 'Подтверждено организацией, выдавшей его: цифровая подпись верна.',
    en: 'Confirmed by its issuer: the digital signature checks out.',
  },
  revoked: {
    kk: 'Сертификат кері қайтарылды',
    ru: 'Сертификат отозван',
    en: 'The certificate has been revoked',
  },
  pending: {
    kk: 'Сертификат әлі берілмеген',
    ru: 'Сертификат ещё не выдан',
    en: 'The certificate has not been issued yet',
  },
  invalid: {
    kk: 'Сертификат расталмады',
    ru: 'Сертификат не подтверждён',
    en: 'The certificate could not be confirmed',
  },
  invalidNote: {
    kk: 'Сақталған электрондық куәліктің қолтаңбасы сәйкес келмейді. Берген ұйымға хабарласыңыз.',
    ru: 'Подпись сохранённого электронного удостоверения не сходится. Обратитесь в организацию, выдавшую его.',
    en: 'The signature of the stored credential does not match. Please contact the issuer.',
  },
  notFound: {
    kk: 'Мұндай сертификат табылмады',
    ru: 'Такой сертификат не найден',
    en: 'No such certificate was found',
  },
  notFoundNote: {
    kk: 'Сілтемені немесе QR-кодты тексеріңіз.',
    ru: 'Проверьте ссылку или QR-код.',
    en: 'Check the link or the QR code.',
  },
  holder: { kk: 'Иесі', ru: 'Владелец', en: 'Holder' },
  course: { kk: 'Курс', ru: 'Курс', en: 'Course' },
  level: { kk: 'Деңгей', ru: 'Уровень', en: 'Level' },
  hours: { kk: 'Академиялық сағат', ru: 'Академических часов', en: 'Academic hours' },
  number: { kk: 'Нөмірі', ru: 'Номер', en: 'Number' },
  issued: { kk: 'Берілген күні', ru: 'Дата выдачи', en: 'Issued on' },
  issuer: { kk: 'Берген ұйым', ru: 'Выдан', en: 'Issuer' },
  revokedOn: { kk: 'Кері қайтарылған күні', ru: 'Дата отзыва', en: 'Revoked on' },
  reason: { kk: 'Себебі', ru: 'Причина', en: 'Reason' },
  tagline: {
    kk: 'Педагогтердің ЖИ құзыреттілігі: Игеру → Тереңдету → Құру',
    ru: 'ИИ-компетентность педагогов: Освоение → Углубление → Создание',
    en: "Teachers' AI competence: Acquire → Deepen → Create",
  },
  language: { kk: 'Тіл', ru: 'Язык', en: 'Language' },
  credential: {
    kk: 'Электрондық куәлік (Open Badges 3.0)',
    ru: 'Электронное удостоверение (Open Badges 3.0)',
    en: 'Digital credential (Open Badges 3.0)',
  },
} satisfies Record<string, Local>;

const LEVELS: Record<LadderLevel, Local> = {
  acquire: { kk: 'Игеру', ru: 'Освоение', en: 'Acquire' },
  deepen: { kk: 'Тереңдету', ru: 'Углубление', en: 'Deepen' },
  create: { kk: 'Құру', ru: 'Создание', en: 'Create' },
};

const LOCALES: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const date = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Asia/Almaty',
  }).format(new Date(iso));

/**
 * The web app's look (frontend/src/styles.css and its header), in a few lines of inline CSS: the
 * page a QR code opens must look like Qadam without loading the app. A spec compares the palette
 * with the app's, so the two cannot drift apart.
 */
export const APP_LOOK = `:root{--q-primary:#0b5c8e;--q-text:#1c2430;--q-muted:#566173;--q-border:#d4dae3;--q-surface:#ffffff;--q-bg:#f4f6f9;--q-ok:#1d7a3e;--q-warn:#8a5a00;--q-error:#b3261e;--q-radius:8px;font-family:'Noto Sans','DejaVu Sans',system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--q-text);background:var(--q-bg);line-height:1.5}
*{box-sizing:border-box}body{margin:0;min-width:320px}a{color:var(--q-primary)}
a:focus-visible{outline:3px solid #f2b705;outline-offset:2px}
.q-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.q-header{display:flex;flex-wrap:wrap;align-items:center;gap:.75rem 1.5rem;padding:.6rem 1rem;background:var(--q-surface);border-bottom:1px solid var(--q-border)}
.q-brand{display:flex;gap:.6rem;align-items:center;color:var(--q-text);text-decoration:none;margin-right:auto}
.q-brand small{display:block;color:var(--q-muted);font-size:.8rem}
.q-logo{display:grid;place-items:center;width:2.2rem;height:2.2rem;border-radius:6px;background:var(--q-primary);color:#fff;font-weight:700}
main{max-width:40rem;margin:0 auto;padding:1rem}
.q-card{background:var(--q-surface);border:1px solid var(--q-border);border-radius:var(--q-radius);padding:1rem 1.25rem;border-top:6px solid var(--c)}
.valid{--c:var(--q-ok)}.revoked,.invalid{--c:var(--q-error)}.pending,.missing{--c:var(--q-warn)}
h2{font-size:1.35rem;margin:0 0 .25rem;color:var(--c)}
dl{display:grid;grid-template-columns:minmax(8rem,auto) 1fr;gap:.4rem 1rem;margin:1.25rem 0 0}
dt{color:var(--q-muted)}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
footer{margin-top:1rem;font-size:.9rem}`;

/**
 * The page a certificate's QR code opens: plain HTML and inline CSS, no JavaScript, readable on
 * any phone. `result` null: not found.
 */
export function renderVerificationPage(
  result: VerificationResult | null,
  lang: Lang,
  links: { self: string; credentialUrl: string | null },
): string {
  const state = !result
    ? 'missing'
    : result.valid
      ? 'valid'
      : result.status === 'revoked'
        ? 'revoked'
        : result.status === 'issued'
          ? 'invalid'
          : 'pending';
  const heading = {
    valid: T.valid,
    revoked: T.revoked,
    invalid: T.invalid,
    pending: T.pending,
    missing: T.notFound,
  }[state][lang];
  const note =
    state === 'valid'
      ? T.validNote[lang]
      : state === 'invalid'
        ? T.invalidNote[lang]
        : state === 'missing'
          ? T.notFoundNote[lang]
          : '';
  const rows: [string, string][] = [];
  if (result) {
    const title = pickText(result.courseTitle, lang);
    if (result.holderName) rows.push([T.holder[lang], result.holderName]);
    rows.push([T.course[lang], title], [T.level[lang], LEVELS[result.level][lang]]);
    if (result.hours) rows.push([T.hours[lang], String(result.hours)]);
    rows.push([T.number[lang], result.number]);
    if (result.issuedAt) rows.push([T.issued[lang], date(result.issuedAt, lang)]);
    if (result.issuer) rows.push([T.issuer[lang], result.issuer]);
    if (result.revokedAt) rows.push([T.revokedOn[lang], date(result.revokedAt, lang)]);
    if (result.reason) rows.push([T.reason[lang], result.reason]);
  }
  const langs = (['kk', 'ru', 'en'] as const)
    .map((l) =>
      l === lang
        ? `<strong>${l.toUpperCase()}</strong>`
        : `<a href="${esc(links.self)}?lang=${l}" hreflang="${l}">${l.toUpperCase()}</a>`,
    )
    .join(' · ');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(T.title[lang])} — Qadam</title>
<style>
${APP_LOOK}
</style>
</head>
<body>
<header class="q-header">
<a class="q-brand" href="/"><span class="q-logo" aria-hidden="true">Q</span><span><strong>Qadam</strong><small>${esc(T.tagline[lang])}</small></span></a>
<nav aria-label="${esc(T.language[lang])}">${langs}</nav>
</header>
<main>
<h1 class="q-visually-hidden">${esc(T.title[lang])}</h1>
<section class="q-card ${state}" aria-live="polite">
<h2>${esc(heading)}</h2>
${note ? `<p>${esc(note)}</p>` : ''}
${rows.length ? `<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>` : ''}
</section>
${links.credentialUrl ? `<footer><a href="${esc(links.credentialUrl)}">${esc(T.credential[lang])}</a></footer>` : ''}
</main>
</body>
</html>
`;
}
