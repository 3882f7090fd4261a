import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from '../identity';
import { MemberCity } from './member-city.entity';
import { Partnership } from './partnership.entity';

/**
 * A term of a member city's seat on the partnership's board of directors, and who holds it. A city has at
 * most one open term (no end day) at a time; ended terms stay as the board's history.
 */
@Entity({ name: 'board_seat' })
@Index('board_seat_open_city_key', ['partnershipId', 'memberCityId'], { unique: true, where: '"ends_on" IS NULL' })
export class BoardSeat {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  partnershipId!: string;

  @ManyToOne(() => Partnership, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partnership_id', foreignKeyConstraintName: 'board_seat_partnership_fkey' })
  partnership?: Partnership;

  @Column({ type: 'uuid' })
  memberCityId!: string;

  @ManyToOne(() => MemberCity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_city_id', foreignKeyConstraintName: 'board_seat_member_city_fkey' })
  memberCity?: MemberCity;

  @Column({ type: 'uuid' })
  holderId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'holder_id', foreignKeyConstraintName: 'board_seat_holder_fkey' })
  holder?: Person;

  /** The chair's vote breaks a tie where a ballot's rules say so. */
  @Column({ type: 'boolean', default: false })
  isChair!: boolean;

  /** First day of the term, YYYY-MM-DD. */
  @Column({ type: 'date' })
  startsOn!: string;

  /** Last day of the term, YYYY-MM-DD; null while it runs. */
  @Column({ type: 'date', nullable: true })
  endsOn!: string | null;
}
