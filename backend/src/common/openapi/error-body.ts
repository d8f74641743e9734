import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import type { ApiErrorBody, FieldProblem } from '@qadam/contracts';
import { ERRORS, ErrorCode } from '../errors/catalog';

class FieldProblemSchema implements FieldProblem {
  @ApiProperty({ example: 'iin' }) field!: string;
  @ApiProperty({ example: 'ЖСН-нің соңғы (бақылау) цифры сәйкес келмейді…' }) problem!: string;
  @ApiProperty({ example: 'iin.checksum' }) rule!: string;
}

export class ErrorBodySchema implements ApiErrorBody {
  @ApiProperty({ example: 409 }) statusCode!: number;
  @ApiProperty({ enum: Object.keys(ERRORS), example: 'EMAIL_TAKEN' }) code!: string;
  @ApiProperty({ description: 'In the language of Accept-Language (kk, ru, en; kk by default)' })
  message!: string;
  @ApiPropertyOptional({ type: [FieldProblemSchema] }) details?: FieldProblem[];
  @ApiPropertyOptional({ description: 'Quote it to support; it is in the server logs' })
  requestId?: string;
}

/** Documents the error codes a route can answer with, grouped by status, in the API's error body. */
export function ApiErrors(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes)
    byStatus.set(ERRORS[code].status, [...(byStatus.get(ERRORS[code].status) ?? []), code]);
  return applyDecorators(
    ...[...byStatus].map(([status, list]) =>
      ApiResponse({ status, description: list.join(', '), type: ErrorBodySchema }),
    ),
  );
}
