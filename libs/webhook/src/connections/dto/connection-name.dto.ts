import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** Body of create and rename: `{"name": "<string>"}`; other keys are ignored. */
export class ConnectionNameDto {
  @ApiProperty({ maxLength: 100, example: 'ci', description: 'Unique; no leading or trailing whitespace.' })
  @IsDefined({ message: 'is required' })
  @IsNotEmpty({ message: 'is required' })
  @IsString({ message: 'must be a string' })
  @MaxLength(100, { message: 'must be at most 100 characters' })
  @Matches(/^\S(?:[\s\S]*\S)?$/, { message: 'must not start or end with whitespace' })
  name: string;
}
