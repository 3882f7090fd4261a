import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { OutboxModule } from '../outbox';
import { TransitionRecorder } from './transition-recorder';

@Module({ imports: [AuditModule, OutboxModule], providers: [TransitionRecorder], exports: [TransitionRecorder] })
export class TransitionsModule {}
