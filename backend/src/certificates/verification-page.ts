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
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;background:#f4f6f8}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem}
header{display:flex;justify-content:space-between;align-items:center;font-size:.9rem;color:#52606d}
.card{background:#fff;border-radius:12px;padding:1.5rem;margin-top:1rem;box-shadow:0 1px 3px rgba(0,0,0,.08);border-top:6px solid var(--c)}
.valid{--c:#1b7f4b}.revoked,.invalid{--c:#b42318}.pending,.missing{--c:#8a6d00}
h1{font-size:1.4rem;margin:0 0 .25rem;color:var(--c)}
dl{display:grid;grid-template-columns:minmax(8rem,auto) 1fr;gap:.4rem 1rem;margin:1.25rem 0 0}
dt{color:#52606d}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
a{color:#0b5cad}footer{margin-top:1rem;font-size:.85rem;color:#52606d}
</style>
</head>
<body>
<main>
<header><span>Qadam · ${esc(T.title[lang])}</span><nav aria-label="language">${langs}</nav></header>
<section class="card ${state}" aria-live="polite">
<h1>${esc(heading)}</h1>
${note ? `<p>${esc(note)}</p>` : ''}
${rows.length ? `<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>` : ''}
</section>
${links.credentialUrl ? `<footer><a href="${esc(links.credentialUrl)}">${esc(T.credential[lang])}</a></footer>` : ''}
</main>
</body>
</html>
`;
}
