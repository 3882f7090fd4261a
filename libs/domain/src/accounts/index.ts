// The accounts feature's public file: other features and libs import it only through here.
export { AccountsModule } from './accounts.module';
export { AccountsService } from './accounts.service';
export type {
  InvitePersonInput,
  PasswordLinkView,
  PersonFilter,
  SetupInput,
  UpdatePersonInput,
} from './accounts.service';
export { BoardSeatService, isCurrentSeat, SEAT_TERMS_EVERY_MS } from './board-seat.service';
export type { AssignBoardSeatInput } from './board-seat.service';
export { BoardSeatsModule } from './board-seats.module';
export { createAdministrator, setupLinkIfEmpty } from './first-administrator';
export type { NewAdministrator } from './first-administrator';
export { InstanceService } from './instance.service';
export type { InstanceDescription } from './instance.service';
