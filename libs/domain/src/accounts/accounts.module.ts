import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AccountLink } from '../identity/account-link.entity';
import { IdentityModule } from '../identity/identity.module';
import { InstanceService } from '../demo/instance.service';
import { NotificationsModule } from '../notifications/notifications.module';
import { AccountMail } from './account-mail';
import { AccountsService } from './accounts.service';
import { BoardSeatsModule } from './board-seats.module';

/** People's accounts and the board's seats: invitations, one-time links, administrators' changes. */
@Module({
  imports: [
    TypeOrmModule.forFeature([AccountLink]),
    IdentityModule,
    AuditModule,
    NotificationsModule,
    BoardSeatsModule,
  ],
  providers: [AccountsService, AccountMail, InstanceService],
  exports: [AccountsService, BoardSeatsModule, InstanceService],
})
export class AccountsModule {}
