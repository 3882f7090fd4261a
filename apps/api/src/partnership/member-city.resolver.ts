import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Locale as LocaleCode } from '@majlis/config';
import { Actor, CoordinatingOffice, MemberCity, PartnershipService, Role } from '@majlis/domain';
import { Allow, AnyRole } from '../graphql/allow.decorator';
import { CurrentActor } from '../graphql/current-actor.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { Locale, localized, LocalizedString } from '../graphql/localized-string.model';
import { CoordinatingOfficeModel } from './coordinating-office.model';
import { MemberCityInputModel, UpdateMemberCityInputModel } from './member-city.inputs';
import { MemberCityModel } from './member-city.model';

@Resolver(() => MemberCityModel)
export class MemberCityResolver {
  constructor(private readonly partnership: PartnershipService) {}

  @Query(() => [MemberCityModel], { description: 'Every member city of the partnership.' })
  @AnyRole()
  memberCities(@CurrentActor() actor: Actor): Promise<MemberCity[]> {
    return this.partnership.memberCities(actor);
  }

  @Mutation(() => MemberCityModel, {
    description: 'Administrators add a member city (and name its coordinating office).',
  })
  @Allow(Role.ADMIN)
  createMemberCity(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => MemberCityInputModel }) input: MemberCityInputModel,
  ): Promise<MemberCity> {
    return this.partnership.createMemberCity(actor, input);
  }

  @Mutation(() => MemberCityModel, { description: 'Administrators change a member city; its code stays.' })
  @Allow(Role.ADMIN)
  updateMemberCity(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => UpdateMemberCityInputModel }) input: UpdateMemberCityInputModel,
  ): Promise<MemberCity> {
    return this.partnership.updateMemberCity(actor, id, input);
  }

  @ResolveField(() => LocalizedString)
  name(
    @Parent() city: MemberCity,
    @Context() context: GraphqlContext,
    @Args('locale', { type: () => Locale, nullable: true }) locale?: LocaleCode,
  ): LocalizedString {
    return localized(city.name, locale, context);
  }

  @ResolveField(() => CoordinatingOfficeModel, { nullable: true, description: "The city's coordinating office." })
  coordinatingOffice(
    @Parent() city: MemberCity,
    @Context() context: GraphqlContext,
  ): Promise<CoordinatingOffice | null> {
    return context.loaders.partnership.coordinatingOffice(city.id);
  }
}
