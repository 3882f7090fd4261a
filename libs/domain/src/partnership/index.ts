// The partnership feature's public file: other features and libs import it only through here.
export { BoardSeat } from './board-seat.entity';
export { BoardSeatRepository } from './board-seat.repository';
export { CoordinatingOffice } from './coordinating-office.entity';
export { MemberCity } from './member-city.entity';
export { MemberCityRepository } from './member-city.repository';
export type { MemberCityChange, NewMemberCity } from './member-city.repository';
export { Partnership } from './partnership.entity';
export { PartnershipRepository } from './partnership.repository';
export { PartnershipLoaders } from './partnership.loaders';
export { PartnershipModule } from './partnership.module';
export { PartnershipService } from './partnership.service';
export type { AddStakeholderInput, MemberCityInput, UpdateMemberCityInput } from './partnership.service';
export { Stakeholder, StakeholderKind } from './stakeholder.entity';
