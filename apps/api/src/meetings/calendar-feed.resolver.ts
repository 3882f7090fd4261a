import { Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Actor, CalendarFeed, CalendarFeedService } from '@majlis/domain';
import { AnyRole } from '../graphql/allow.decorator';
import { CurrentActor } from '../graphql/current-actor.decorator';

@ObjectType('CalendarFeed', {
  description:
    "The signed-in person's calendar feed: the meetings at a secret address a calendar program subscribes to. The address itself is shown only when made.",
})
export class CalendarFeedModel {
  @Field({ description: 'When the current address was made.' })
  createdAt!: Date;
}

@ObjectType('CreatedCalendarFeed')
export class CreatedCalendarFeedModel {
  @Field(() => CalendarFeedModel)
  feed!: CalendarFeed;

  @Field({
    description: 'The address to subscribe to, shown this once: anyone who has it reads the meetings, until revoked.',
  })
  url!: string;
}

/** The per-person calendar feed: made, replaced and revoked by its owner. */
@Resolver(() => CalendarFeedModel)
export class CalendarFeedResolver {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Query(() => CalendarFeedModel, { nullable: true, description: "The signed-in person's calendar feed; null: none." })
  @AnyRole()
  calendarFeed(@CurrentActor() actor: Actor): Promise<CalendarFeed | null> {
    return this.feeds.feed(actor);
  }

  @Mutation(() => CreatedCalendarFeedModel, {
    description: "Makes a new address for the signed-in person's calendar feed; the address they had stops working.",
  })
  @AnyRole()
  createCalendarFeed(@CurrentActor() actor: Actor): Promise<{ feed: CalendarFeed; url: string }> {
    return this.feeds.create(actor);
  }

  @Mutation(() => Boolean, {
    description: "Stops the signed-in person's calendar feed at once; false when there was none.",
  })
  @AnyRole()
  revokeCalendarFeed(@CurrentActor() actor: Actor): Promise<boolean> {
    return this.feeds.revoke(actor);
  }
}
