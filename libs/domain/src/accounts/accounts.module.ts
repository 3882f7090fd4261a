import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { AccountLink, IdentityModule } from '../identity';
import { InstanceService } from './instance.service';
import { NotificationsModule } from '../notifications';
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
