import { ApiProperty } from '@nestjs/swagger';

/** The one error envelope of every library route (spec api.md §5.2), for the OpenAPI document. */
export class ErrorEnvelopeSchema {
  @ApiProperty({ description: 'The HTTP status.', example: 400 })
  code: number;

  @ApiProperty({ enum: [false] })
  success: false;

  @ApiProperty({ example: 'input json error (400)' })
  message: string;

  @ApiProperty({ type: [String], description: 'Field-level causes `<path>: <problem>`, in request order.', example: ['start_time: is required'] })
  causes: string[];

  @ApiProperty({ type: 'null', nullable: true, example: null })
  data: null;
}

/** The success envelope (spec api.md §5.1); `data` depends on the route. */
export class SuccessEnvelopeSchema {
  @ApiProperty({ example: 0 })
  code: number;

  @ApiProperty({ enum: [true] })
  success: true;

  @ApiProperty({ example: 'success' })
  message: string;

  @ApiProperty({ type: 'null', nullable: true, example: null })
  causes: null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What was written, with `warnings` (unknown or ignored keys).' })
  data: Record<string, unknown>;
}
