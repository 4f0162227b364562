import { Module } from '@nestjs/common';
import { TransactionRunner } from '@app/webhook/common/database';
import { HealthController } from './health.controller';

@Module({ controllers: [HealthController], providers: [TransactionRunner] })
export class HealthModule {}
