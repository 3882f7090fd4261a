import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Locale as LocaleCode } from '@majlis/config';
import { Actor, CoordinatingOffice, PartnershipService, Role, Stakeholder } from '@majlis/domain';
import { Allow } from '../graphql/allow.decorator';
import { CurrentActor } from '../graphql/current-actor.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { Locale, localized, LocalizedString } from '../graphql/localized-string.model';
import { AddStakeholderInputModel, CoordinatingOfficeModel, StakeholderModel } from './coordinating-office.model';

const LocaleArg = () => Args('locale', { type: () => Locale, nullable: true });

@Resolver(() => CoordinatingOfficeModel)
export class CoordinatingOfficeResolver {
  constructor(private readonly partnership: PartnershipService) {}

  @Mutation(() => StakeholderModel, {
    description:
      "Adds an organisation to a city's coordinating office (secretariat, or that city's head of delegation).",
  })
  @Allow(Role.SECRETARIAT, Role.DELEGATE)
  addStakeholder(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => AddStakeholderInputModel }) input: AddStakeholderInputModel,
  ): Promise<Stakeholder> {
    return this.partnership.addStakeholder(actor, input);
  }

  @Mutation(() => CoordinatingOfficeModel, { description: 'Takes an organisation off a coordinating office.' })
  @Allow(Role.SECRETARIAT, Role.DELEGATE)
  removeStakeholder(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CoordinatingOffice> {
    return this.partnership.removeStakeholder(actor, id);
  }

  @ResolveField(() => LocalizedString)
  name(@Parent() office: CoordinatingOffice, @Context() context: GraphqlContext, @LocaleArg() locale?: LocaleCode) {
    return localized(office.name, locale, context);
  }

  @ResolveField(() => [StakeholderModel])
  stakeholders(@Parent() office: CoordinatingOffice, @Context() context: GraphqlContext): Promise<Stakeholder[]> {
    return context.loaders.partnership.stakeholdersOf(office.id);
  }
}

@Resolver(() => StakeholderModel)
export class StakeholderResolver {
  @ResolveField(() => LocalizedString)
  name(@Parent() stakeholder: Stakeholder, @Context() context: GraphqlContext, @LocaleArg() locale?: LocaleCode) {
    return localized(stakeholder.name, locale, context);
  }
}
