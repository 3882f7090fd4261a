import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Locale as LocaleCode } from '@majlis/config';
import { DemoDescription, DemoService } from '@majlis/demo';
import { InstanceDescription, InstanceService, MemberCity, Person } from '@majlis/domain';
import { Public } from '../graphql/allow.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { Locale, localized, LocalizedString } from '../graphql/localized-string.model';
import { MemberCityModel } from '../partnership/member-city.model';
import { DemoAccountModel, InstanceModel } from './instance.model';

@Resolver(() => InstanceModel)
export class InstanceResolver {
  constructor(
    private readonly installation: InstanceService,
    private readonly demo: DemoService,
  ) {}

  @Query(() => InstanceModel, { description: 'What this installation is: the demo or not, set up or not. Public.' })
  @Public()
  async instance(): Promise<InstanceDescription & DemoDescription> {
    const [installation, demo] = await Promise.all([this.installation.describe(), this.demo.describe()]);
    return { ...installation, ...demo };
  }
}

@Resolver(() => DemoAccountModel)
export class DemoAccountResolver {
  @ResolveField(() => LocalizedString)
  name(
    @Parent() person: Person,
    @Context() context: GraphqlContext,
    @Args('locale', { type: () => Locale, nullable: true }) locale?: LocaleCode,
  ): LocalizedString {
    return localized(person.name, locale, context);
  }

  @ResolveField(() => MemberCityModel, {
    nullable: true,
    description: 'The city, for delegates, board members and observers.',
  })
  memberCity(@Parent() person: Person, @Context() context: GraphqlContext): Promise<MemberCity | null> | null {
    return person.memberCityId === null ? null : context.loaders.partnership.memberCity(person.memberCityId);
  }
}
