import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OutboxModule } from '../outbox/outbox.module';
import { TransitionRecorder } from './transition-recorder';

@Module({ imports: [AuditModule, OutboxModule], providers: [TransitionRecorder], exports: [TransitionRecorder] })
export class TransitionsModule {}
