import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

/** An id that is not a UUID cannot exist: 404, like any unknown id. */
export const uuidParam = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('NOT_FOUND'),
});
