import { Module } from '@nestjs/common';
import { LadderService } from './ladder.service';

@Module({ providers: [LadderService], exports: [LadderService] })
export class LadderModule {}
