import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalText } from './pdf/render-certificate';
import { findTemplatesDir } from './pdf/templates';

export interface IssuerProfile {
  name: LocalText;
  url: string;
  signatory: { name: string; title: LocalText };
}

const LANGS = ['kk', 'ru', 'en'] as const;

function isLocalText(v: unknown): v is LocalText {
  return (
    typeof v === 'object' &&
    v !== null &&
    LANGS.every((l) => typeof (v as Record<string, unknown>)[l] === 'string')
  );
}

/** The issuer as printed on certificates and named in credentials (`templates/issuer.json`). */
export function loadIssuerProfile(dir = findTemplatesDir()): IssuerProfile {
  const file = join(dir, 'issuer.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const signatory = raw.signatory as Record<string, unknown> | undefined;
  if (
    !isLocalText(raw.name) ||
    typeof raw.url !== 'string' ||
    typeof signatory?.name !== 'string' ||
    !isLocalText(signatory.title)
  ) {
    throw new Error(`${file}: needs name {kk,ru,en}, url, signatory {name, title {kk,ru,en}}`);
  }
  return {
    name: raw.name,
    url: raw.url,
    signatory: { name: signatory.name, title: signatory.title },
  };
}
