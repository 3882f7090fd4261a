import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Locale as LocaleCode } from '@majlis/config';
import { Actor, Person, ProposalRevision, ReviewComment, ReviewService, Role } from '@majlis/domain';
import { Allow } from '../graphql/allow.decorator';
import { CurrentActor } from '../graphql/current-actor.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { Locale, localized, LocalizedString } from '../graphql/localized-string.model';
import { PersonModel } from '../identity/person.model';
import { AddReviewCommentInputModel } from './proposal.inputs';
import { ProposalRevisionModel, ReviewCommentModel } from './proposal.model';

@Resolver(() => ReviewCommentModel)
export class ReviewCommentResolver {
  constructor(private readonly review: ReviewService) {}

  @Mutation(() => ReviewCommentModel, {
    description: "Comments on a proposal (secretariat), or answers a comment (the owning city's delegates).",
  })
  @Allow(Role.SECRETARIAT, Role.DELEGATE)
  addReviewComment(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => AddReviewCommentInputModel }) input: AddReviewCommentInputModel,
  ): Promise<ReviewComment> {
    return this.review.addComment(actor, input);
  }

  @Mutation(() => ReviewCommentModel, { description: 'Marks a comment resolved, or open again (secretariat).' })
  @Allow(Role.SECRETARIAT)
  resolveReviewComment(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('resolved', { type: () => Boolean, nullable: true, defaultValue: true }) resolved: boolean,
  ): Promise<ReviewComment> {
    return this.review.resolveComment(actor, id, resolved);
  }

  @ResolveField(() => LocalizedString)
  body(
    @Parent() comment: ReviewComment,
    @Context() context: GraphqlContext,
    @Args('locale', { type: () => Locale, nullable: true }) locale?: LocaleCode,
  ) {
    return localized(comment.body, locale, context);
  }

  @ResolveField(() => PersonModel)
  author(@Parent() comment: ReviewComment, @Context() context: GraphqlContext): Promise<Person | null> {
    return context.loaders.people.person(comment.authorId, 'commenter');
  }

  @ResolveField(() => PersonModel, { nullable: true })
  resolvedBy(@Parent() comment: ReviewComment, @Context() context: GraphqlContext): Promise<Person | null> | null {
    return comment.resolvedById === null ? null : context.loaders.people.person(comment.resolvedById, 'resolver');
  }

  @ResolveField(() => ProposalRevisionModel, { nullable: true, description: 'The revision commented on.' })
  revision(
    @Parent() comment: ReviewComment,
    @Context() context: GraphqlContext,
  ): Promise<ProposalRevision | null> | null {
    return comment.revisionId === null ? null : context.loaders.proposals.revision(comment.revisionId);
  }
}
