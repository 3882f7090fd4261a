import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Locale as LocaleCode } from '@majlis/config';
import { Actor, BoardSeat, Digits as DigitsValue, digitsOf, IdentityService, MemberCity, Person } from '@majlis/domain';
import { AnyRole, Public } from '../graphql/allow.decorator';
import { CurrentActor } from '../graphql/current-actor.decorator';
import { GraphqlContext, SESSION_COOKIE } from '../graphql/graphql-context';
import { Locale, localized, LocalizedString } from '../graphql/localized-string.model';
import { BoardSeatModel } from '../accounts/accounts.model';
import { MemberCityModel } from '../partnership/member-city.model';
import { Digits, PersonModel, UpdateMyProfileInputModel } from './person.model';
import { SessionModel } from './session.model';
import { signedIn } from './session-cookie';

@Resolver(() => PersonModel)
export class IdentityResolver {
  constructor(private readonly identity: IdentityService) {}

  @Query(() => PersonModel, { description: 'The signed-in person.' })
  @AnyRole()
  me(@CurrentActor() actor: Actor): Promise<Person> {
    return this.identity.me(actor);
  }

  @Mutation(() => PersonModel, {
    description: 'Changes your own language (also of your e-mails from now on), digits and time zone.',
  })
  @AnyRole()
  updateMyProfile(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => UpdateMyProfileInputModel }) input: UpdateMyProfileInputModel,
  ): Promise<Person> {
    return this.identity.updateProfile(actor, input);
  }

  @Mutation(() => SessionModel, { description: 'Signs in with e-mail and password.' })
  @Public()
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context() context: GraphqlContext,
  ): Promise<SessionModel> {
    return signedIn(await this.identity.login(email, password, context.req?.ip), context);
  }

  @Mutation(() => Boolean, {
    description:
      "Signs this session out: its token stops working everywhere, and the browser's session cookie is cleared.",
  })
  @Public()
  async logout(@Context() context: GraphqlContext): Promise<boolean> {
    if (context.token !== undefined) await this.identity.logout(context.token);
    void context.reply?.clearCookie(SESSION_COOKIE, { path: '/' });
    return true;
  }

  @ResolveField(() => LocalizedString)
  name(
    @Parent() person: Person,
    @Context() context: GraphqlContext,
    @Args('locale', { type: () => Locale, nullable: true }) locale?: LocaleCode,
  ): LocalizedString {
    return localized(person.name, locale, context);
  }

  @ResolveField(() => Boolean, { description: 'Invited, and no password set yet.' })
  invitationPending(@Parent() person: Person): boolean {
    return person.passwordSetAt === null;
  }

  @ResolveField(() => BoardSeatModel, {
    nullable: true,
    description: 'The seat they hold now (a term without an end), if any.',
  })
  boardSeat(@Parent() person: Person, @Context() context: GraphqlContext): Promise<BoardSeat | null> {
    return context.loaders.partnership.openSeatOf(person.id);
  }

  @ResolveField(() => Digits, { description: 'Their choice; by default Arabic-Indic for Arabic, Latin for English.' })
  digits(@Parent() person: Person): DigitsValue {
    return digitsOf(person);
  }

  @ResolveField(() => MemberCityModel, { nullable: true, description: 'The member city the person belongs to.' })
  memberCity(@Parent() person: Person, @Context() context: GraphqlContext): Promise<MemberCity | null> | null {
    return person.memberCityId === null ? null : context.loaders.partnership.memberCity(person.memberCityId);
  }
}
