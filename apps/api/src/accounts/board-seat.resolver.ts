import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, BoardSeat, BoardSeatService, isCurrentSeat, MemberCity, Person, Role } from '@majlis/domain';
import { Allow } from '../graphql/allow.decorator';
import { CurrentActor } from '../graphql/current-actor.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { PersonModel } from '../identity/person.model';
import { MemberCityModel } from '../partnership/member-city.model';
import { AssignBoardSeatInputModel, BoardSeatModel } from './accounts.model';

@Resolver(() => BoardSeatModel)
export class BoardSeatResolver {
  constructor(private readonly seats: BoardSeatService) {}

  @Query(() => [BoardSeatModel], { description: "The board's seats, newest term first; `currentOnly` keeps today's." })
  @Allow(Role.ADMIN, Role.SECRETARIAT, Role.BOARD_MEMBER)
  boardSeats(
    @CurrentActor() actor: Actor,
    @Args('currentOnly', { type: () => Boolean, nullable: true }) currentOnly?: boolean | null,
  ): Promise<BoardSeat[]> {
    return this.seats.boardSeats(actor, currentOnly ?? false);
  }

  @Mutation(() => BoardSeatModel, {
    description:
      "Gives a city's seat to one of its people from `startsOn` (they become a board member); the city's current term ends the day before. Ballots already open keep their voters.",
  })
  @Allow(Role.ADMIN)
  assignBoardSeat(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => AssignBoardSeatInputModel }) input: AssignBoardSeatInputModel,
  ): Promise<BoardSeat> {
    return this.seats.assign(actor, input);
  }

  @Mutation(() => BoardSeatModel, {
    description: 'Ends a term on `endsOn`; the holder stops being a board member unless they hold another seat.',
  })
  @Allow(Role.ADMIN)
  endBoardSeat(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('endsOn') endsOn: string,
  ): Promise<BoardSeat> {
    return this.seats.end(actor, id, endsOn);
  }

  @ResolveField(() => MemberCityModel)
  async memberCity(@Parent() seat: BoardSeat, @Context() context: GraphqlContext): Promise<MemberCity> {
    const city = await context.loaders.partnership.memberCity(seat.memberCityId);
    if (city === null) throw new Error(`board seat ${seat.id} names no city`);
    return city;
  }

  @ResolveField(() => PersonModel)
  async holder(@Parent() seat: BoardSeat, @Context() context: GraphqlContext): Promise<Person> {
    const person = await context.loaders.people.person(seat.holderId, 'seatHolder');
    if (person === null) throw new Error(`board seat ${seat.id} names no holder`);
    return person;
  }

  @ResolveField(() => Boolean, { description: 'Begun and not ended today.' })
  current(@Parent() seat: BoardSeat): boolean {
    return isCurrentSeat(seat);
  }
}
