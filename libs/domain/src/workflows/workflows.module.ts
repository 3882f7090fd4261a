import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { TransitionService } from './transition.service';

@Module({ imports: [AuditModule], providers: [TransitionService], exports: [TransitionService] })
export class WorkflowsModule {}
