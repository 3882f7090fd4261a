import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { IdentityModule } from '../identity';
import { InstanceService } from './instance.service';
import { NotificationsModule } from '../notifications';
import { PartnershipModule } from '../partnership';
import { AccountLinkRepository } from './account-link.repository';
import { AccountMail } from './account-mail';
import { AccountsService } from './accounts.service';
import { BoardSeatsModule } from './board-seats.module';

/** People's accounts and the board's seats: invitations, one-time links, administrators' changes. */
@Module({
  imports: [IdentityModule, AuditModule, NotificationsModule, PartnershipModule, BoardSeatsModule],
  providers: [AccountsService, AccountLinkRepository, AccountMail, InstanceService],
  exports: [AccountsService, BoardSeatsModule, InstanceService],
})
export class AccountsModule {}
