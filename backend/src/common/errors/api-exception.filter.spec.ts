import { ForbiddenException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { DomainError } from './domain-error';
import { localiseDetails, normalise } from './api-exception.filter';
import { ERRORS } from './catalog';
import { RULE_MESSAGES } from '../validation/messages';

describe('normalise', () => {
  it('keeps a domain error as it is', () => {
    const e = new DomainError('TOO_MANY_ATTEMPTS', { minutes: 3 }, undefined, {
      'Retry-After': '180',
    });
    expect(normalise(e)).toEqual({
      status: 429,
      code: 'TOO_MANY_ATTEMPTS',
      params: { minutes: 3 },
      details: undefined,
      headers: { 'Retry-After': '180' },
    });
  });

  it.each([
    [new NotFoundException(), 404, 'NOT_FOUND'],
    [new ForbiddenException(), 403, 'FORBIDDEN'],
    [new PayloadTooLargeException(), 413, 'PAYLOAD_TOO_LARGE'],
    [
      Object.assign(new SyntaxError('Unexpected token'), { statusCode: 400 }),
      400,
      'MALFORMED_REQUEST',
    ],
    [{ statusCode: 418 }, 418, 'REQUEST_REJECTED'],
  ])('maps framework error %#', (e, status, code) => {
    expect(normalise(e)).toMatchObject({ status, code });
  });

  it('turns anything unknown into a 500 without its message', () => {
    const n = normalise(new Error('relation "users" does not exist'));
    expect(n).toEqual({ status: 500, code: 'INTERNAL_ERROR', params: {}, headers: {} });
  });
});

describe('messages', () => {
  it('every catalogued error and rule has a non-empty kk, ru and en text', () => {
    for (const table of [ERRORS, RULE_MESSAGES] as Record<string, unknown>[]) {
      for (const [key, spec] of Object.entries(table)) {
        const text = ((spec as { message?: unknown }).message ?? spec) as Record<string, string>;
        for (const lang of ['kk', 'ru', 'en']) {
          expect([key, lang, text[lang]?.trim().length > 0]).toEqual([key, lang, true]);
        }
      }
    }
  });

  it('localises field problems with their limits', () => {
    expect(
      localiseDetails([{ field: 'fullName', rule: 'maxLength', params: { max: 200 } }], 'ru'),
    ).toEqual([{ field: 'fullName', rule: 'maxLength', problem: 'Не более 200 символов.' }]);
    expect(localiseDetails([{ field: 'x', rule: 'no-such-rule' }], 'en')[0].problem).toBe(
      'Invalid value.',
    );
  });
});
