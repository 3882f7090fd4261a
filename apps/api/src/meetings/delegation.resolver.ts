import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Locale as LocaleCode } from '@majlis/config';
import { Actor, Delegation, DelegationMember, DelegationService, MemberCity, Person, Role } from '@majlis/domain';
import { Allow } from '../graphql/allow.decorator';
import { CurrentActor } from '../graphql/current-actor.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { Locale, localized, LocalizedString, localizedOrNull } from '../graphql/localized-string.model';
import { PersonModel } from '../identity/person.model';
import { MemberCityModel } from '../partnership/member-city.model';
import { AddDelegationMemberInputModel } from './delegation.inputs';
import { DelegationMemberModel, DelegationModel } from './delegation.model';

const LocaleArg = () => Args('locale', { type: () => Locale, nullable: true });

@Resolver(() => DelegationModel)
export class DelegationResolver {
  constructor(private readonly delegations: DelegationService) {}

  @Mutation(() => DelegationMemberModel, {
    description: "Adds a person to a city's delegation (secretariat, or that city's head of delegation).",
  })
  @Allow(Role.SECRETARIAT, Role.DELEGATE)
  addDelegationMember(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => AddDelegationMemberInputModel }) input: AddDelegationMemberInputModel,
  ): Promise<DelegationMember> {
    return this.delegations.addMember(actor, input);
  }

  @Mutation(() => DelegationModel, { description: 'Takes a person off a delegation.' })
  @Allow(Role.SECRETARIAT, Role.DELEGATE)
  removeDelegationMember(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Delegation> {
    return this.delegations.removeMember(actor, id);
  }

  @ResolveField(() => MemberCityModel)
  memberCity(@Parent() delegation: Delegation, @Context() context: GraphqlContext): Promise<MemberCity | null> {
    return context.loaders.partnership.memberCity(delegation.memberCityId);
  }

  @ResolveField(() => [DelegationMemberModel], { description: 'The head first.' })
  members(@Parent() delegation: Delegation, @Context() context: GraphqlContext): Promise<DelegationMember[]> {
    return context.loaders.meetings.membersOf(delegation.id);
  }
}

@Resolver(() => DelegationMemberModel)
export class DelegationMemberResolver {
  @ResolveField(() => LocalizedString)
  name(@Parent() member: DelegationMember, @Context() context: GraphqlContext, @LocaleArg() locale?: LocaleCode) {
    return localized(member.name, locale, context);
  }

  @ResolveField(() => LocalizedString, { nullable: true, description: 'Their office, e.g. Deputy Mayor.' })
  position(@Parent() member: DelegationMember, @Context() context: GraphqlContext, @LocaleArg() locale?: LocaleCode) {
    return localizedOrNull(member.position, locale, context);
  }

  @ResolveField(() => PersonModel, { nullable: true, description: 'Their account, when they have one.' })
  person(@Parent() member: DelegationMember, @Context() context: GraphqlContext): Promise<Person | null> | null {
    return member.personId === null ? null : context.loaders.people.person(member.personId, 'delegationMember');
  }
}
