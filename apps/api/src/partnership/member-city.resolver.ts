import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Locale as LocaleCode } from '@majlis/config';
import { Actor, CoordinatingOffice, MemberCity, PartnershipService } from '@majlis/domain';
import { AnyRole } from '../graphql/allow.decorator';
import { CurrentActor } from '../graphql/current-actor.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { Locale, localized, LocalizedString } from '../graphql/localized-string.model';
import { CoordinatingOfficeModel } from './coordinating-office.model';
import { MemberCityModel } from './member-city.model';

@Resolver(() => MemberCityModel)
export class MemberCityResolver {
  constructor(private readonly partnership: PartnershipService) {}

  @Query(() => [MemberCityModel], { description: 'Every member city of the partnership.' })
  @AnyRole()
  memberCities(@CurrentActor() actor: Actor): Promise<MemberCity[]> {
    return this.partnership.memberCities(actor);
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
