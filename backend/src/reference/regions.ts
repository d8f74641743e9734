import type { LocalizedText } from '@qadam/contracts';

// Administrative division as of the 2022 reform (Abai, Zhetisu and Ulytau regions created).
// Russian names of the three new regions follow the 2022 decree («область Абай»), which keeps
// the Kazakh spelling, rather than the adjectival forms common in the press.
// Order: regions alphabetically by Russian name, as official statistics list them, then the
// cities of republican significance.
export const REGIONS = [
  {
    code: 'abai',
    kind: 'region',
    name: { kk: 'Абай облысы', ru: 'область Абай', en: 'Abai Region' },
  },
  {
    code: 'akmola',
    kind: 'region',
    name: { kk: 'Ақмола облысы', ru: 'Акмолинская область', en: 'Akmola Region' },
  },
  {
    code: 'aktobe',
    kind: 'region',
    name: { kk: 'Ақтөбе облысы', ru: 'Актюбинская область', en: 'Aktobe Region' },
  },
  {
    code: 'almaty-region',
    kind: 'region',
    name: { kk: 'Алматы облысы', ru: 'Алматинская область', en: 'Almaty Region' },
  },
  {
    code: 'atyrau',
    kind: 'region',
    name: { kk: 'Атырау облысы', ru: 'Атырауская область', en: 'Atyrau Region' },
  },
  {
    code: 'east-kazakhstan',
    kind: 'region',
    name: {
      kk: 'Шығыс Қазақстан облысы',
      ru: 'Восточно-Казахстанская область',
      en: 'East Kazakhstan Region',
    },
  },
  {
    code: 'zhambyl',
    kind: 'region',
    name: { kk: 'Жамбыл облысы', ru: 'Жамбылская область', en: 'Zhambyl Region' },
  },
  {
    code: 'zhetisu',
    kind: 'region',
    name: { kk: 'Жетісу облысы', ru: 'область Жетісу', en: 'Zhetisu Region' },
  },
  {
    code: 'west-kazakhstan',
    kind: 'region',
    name: {
      kk: 'Батыс Қазақстан облысы',
      ru: 'Западно-Казахстанская область',
      en: 'West Kazakhstan Region',
    },
  },
  {
    code: 'karaganda',
    kind: 'region',
    name: { kk: 'Қарағанды облысы', ru: 'Карагандинская область', en: 'Karaganda Region' },
  },
  {
    code: 'kostanay',
    kind: 'region',
    name: { kk: 'Қостанай облысы', ru: 'Костанайская область', en: 'Kostanay Region' },
  },
  {
    code: 'kyzylorda',
    kind: 'region',
    name: { kk: 'Қызылорда облысы', ru: 'Кызылординская область', en: 'Kyzylorda Region' },
  },
  {
    code: 'mangystau',
    kind: 'region',
    name: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangystau Region' },
  },
  {
    code: 'pavlodar',
    kind: 'region',
    name: { kk: 'Павлодар облысы', ru: 'Павлодарская область', en: 'Pavlodar Region' },
  },
  {
    code: 'north-kazakhstan',
    kind: 'region',
    name: {
      kk: 'Солтүстік Қазақстан облысы',
      ru: 'Северо-Казахстанская область',
      en: 'North Kazakhstan Region',
    },
  },
  {
    code: 'turkistan',
    kind: 'region',
    name: { kk: 'Түркістан облысы', ru: 'Туркестанская область', en: 'Turkistan Region' },
  },
  {
    code: 'ulytau',
    kind: 'region',
    name: { kk: 'Ұлытау облысы', ru: 'область Ұлытау', en: 'Ulytau Region' },
  },
  {
    code: 'astana',
    kind: 'city',
    name: { kk: 'Астана қаласы', ru: 'г. Астана', en: 'Astana city' },
  },
  {
    code: 'almaty',
    kind: 'city',
    name: { kk: 'Алматы қаласы', ru: 'г. Алматы', en: 'Almaty city' },
  },
  {
    code: 'shymkent',
    kind: 'city',
    name: { kk: 'Шымкент қаласы', ru: 'г. Шымкент', en: 'Shymkent city' },
  },
] as const satisfies readonly { code: string; kind: 'region' | 'city'; name: LocalizedText }[];

export type RegionCode = (typeof REGIONS)[number]['code'];

export const REGION_CODES: readonly RegionCode[] = REGIONS.map((r) => r.code);

// A Set rather than `in`/object lookup so inherited keys like 'toString' are not accepted.
const REGION_CODE_SET: ReadonlySet<string> = new Set(REGION_CODES);

export function isRegionCode(v: unknown): v is RegionCode {
  return typeof v === 'string' && REGION_CODE_SET.has(v);
}
