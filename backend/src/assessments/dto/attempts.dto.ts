import { ApiProperty } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import type { ItemResponse } from '@qadam/contracts';

export class SaveResponseDto {
  @ApiProperty({
    description:
      'single: option id; multiple: option ids; true_false: boolean; matching: { leftId: rightId }; ordering: ids in order; short_answer: text; numeric: number or "3,5"; essay/task: text; null clears.',
    oneOf: [
      { type: 'string' },
      { type: 'array', items: { type: 'string' } },
      { type: 'boolean' },
      { type: 'number' },
      { type: 'object', additionalProperties: { type: 'string' } },
    ],
    nullable: true,
  })
  // Any JSON: its shape depends on the item, and the service checks it against the item.
  @Allow()
  response?: ItemResponse;
}
