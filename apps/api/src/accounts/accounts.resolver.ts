import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Locale as LocaleCode } from '@majlis/config';
import { AccountsService, Actor, PasswordLinkView, Person, Role } from '@majlis/domain';
import { Allow, Public } from '../graphql/allow.decorator';
import { Connection, toConnection } from '../graphql/connection.model';
import { CurrentActor } from '../graphql/current-actor.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { Locale, localized, LocalizedString } from '../graphql/localized-string.model';
import { PersonModel } from '../identity/person.model';
import { signedIn } from '../identity/session-cookie';
import { SessionModel } from '../identity/session.model';
import {
  InvitePersonInputModel,
  PasswordLinkModel,
  PersonConnection,
  PersonFilterModel,
  SetupInputModel,
  UpdatePersonInputModel,
} from './accounts.model';

const ALL = Object.values(Role);

/** People's accounts: one-time links (no sign-in), invitations, and what administrators change. */
@Resolver(() => PasswordLinkModel)
export class AccountsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @Query(() => PasswordLinkModel, {
    description:
      'What a one-time link is for, to draw its page; NOT_FOUND saying whether it is unknown, used or expired.',
  })
  @Public()
  passwordLink(@Args('token') token: string): Promise<PasswordLinkView> {
    return this.accounts.passwordLink(token);
  }

  @ResolveField(() => LocalizedString)
  name(
    @Parent() link: PasswordLinkView,
    @Context() context: GraphqlContext,
    @Args('locale', { type: () => Locale, nullable: true }) locale?: LocaleCode,
  ): LocalizedString {
    return localized(link.name, locale, context);
  }

  @Mutation(() => SessionModel, {
    description:
      'Creates the first administrator with the setup token from the server log, and signs in; refused once anybody exists.',
  })
  @Public()
  async completeSetup(
    @Args('input', { type: () => SetupInputModel }) input: SetupInputModel,
    @Context() context: GraphqlContext,
  ): Promise<SessionModel> {
    return signedIn(await this.accounts.completeSetup(input), context);
  }

  @Mutation(() => SessionModel, {
    description:
      "Sets the password with an invitation's or a reset's one-time link, and signs in. The link works once.",
  })
  @Public()
  async setPassword(
    @Args('token') token: string,
    @Args('password') password: string,
    @Context() context: GraphqlContext,
  ): Promise<SessionModel> {
    return signedIn(await this.accounts.setPassword(token, password), context);
  }

  @Mutation(() => Boolean, {
    description:
      'E-mails a reset link (1 hour) to an active person with this address; always true, so it tells nobody whether the address exists.',
  })
  @Public()
  requestPasswordReset(@Args('email') email: string): Promise<boolean> {
    return this.accounts.requestPasswordReset(email);
  }

  @Query(() => PersonConnection, {
    description: 'People by e-mail: administrators and the secretariat see all; a head of delegation their city.',
  })
  @Allow(Role.ADMIN, Role.SECRETARIAT, Role.DELEGATE)
  async people(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => PersonFilterModel, nullable: true }) filter?: PersonFilterModel | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<Connection<Person>> {
    return toConnection(await this.accounts.people(actor, filter ?? {}, first, after));
  }

  @Query(() => PersonModel, { description: 'A person: yourself, or as `people` lets you see them.' })
  @Allow(...ALL)
  person(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Person> {
    return this.accounts.person(actor, id);
  }

  @Mutation(() => PersonModel, {
    description:
      'Invites a person: an e-mailed one-time link to set a password (7 days). Administrators invite anyone; the secretariat delegates, board members and observers; a head of delegation delegates of their city.',
  })
  @Allow(Role.ADMIN, Role.SECRETARIAT, Role.DELEGATE)
  invitePerson(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => InvitePersonInputModel }) input: InvitePersonInputModel,
  ): Promise<Person> {
    return this.accounts.invitePerson(actor, input);
  }

  @Mutation(() => PersonModel, { description: 'E-mails a new invitation link; the old one stops working.' })
  @Allow(Role.ADMIN, Role.SECRETARIAT, Role.DELEGATE)
  resendInvitation(
    @CurrentActor() actor: Actor,
    @Args('personId', { type: () => ID }) personId: string,
  ): Promise<Person> {
    return this.accounts.resendInvitation(actor, personId);
  }

  @Mutation(() => PersonModel, {
    description: "Administrators change a person's name, roles, city, language or time zone.",
  })
  @Allow(Role.ADMIN)
  updatePerson(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => UpdatePersonInputModel }) input: UpdatePersonInputModel,
  ): Promise<Person> {
    return this.accounts.updatePerson(actor, id, input);
  }

  @Mutation(() => PersonModel, {
    description:
      'Administrators (de)activate a person; deactivating ends every session and closes every subscription of theirs.',
  })
  @Allow(Role.ADMIN)
  setPersonActive(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('active') active: boolean,
  ): Promise<Person> {
    return this.accounts.setPersonActive(actor, id, active);
  }
}
