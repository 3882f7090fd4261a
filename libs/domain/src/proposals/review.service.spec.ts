import { startDomain, type DomainHarness } from '@majlis/testing';
import type { Actor } from '../identity';
import { ProposalCategory } from './proposal.entity';
import { ProposalService } from './proposal.service';
import { ReviewService } from './review.service';

describe(ReviewService.name, () => {
  let domain: DomainHarness;
  let review: ReviewService;
  let proposals: ProposalService;
  let dammam: Actor;
  let secretariat: Actor;

  const create = (title: string) =>
    proposals.create(dammam, { category: ProposalCategory.PROGRAMME, title: { en: title } });

  beforeAll(async () => {
    domain = await startDomain();
    review = domain.get(ReviewService);
    proposals = domain.get(ProposalService);
    dammam = await domain.actor('delegate.dammam@demo.majlis');
    secretariat = await domain.actor('secretariat@demo.majlis');
  });

  afterAll(() => domain?.close());

  describe('addComment and resolveComment', () => {
    it('threads the secretariat’s comment and the delegation’s reply, and resolves the thread', async () => {
      const proposal = await create('Under review');
      const comment = await review.addComment(secretariat, {
        proposalId: proposal.id,
        body: { ar: 'يرجى توضيح آلية المتابعة.' },
      });
      const loaders = proposals.loaders(() => dammam);
      expect((await loaders.revision(comment.revisionId!))?.number).toBe(1);
      const reply = await review.addComment(dammam, {
        proposalId: proposal.id,
        body: { ar: 'تمت إضافة التوضيح.' },
        parentId: comment.id,
      });
      expect(reply.parentId).toBe(comment.id);
      const resolved = await review.resolveComment(secretariat, comment.id, true);
      expect(resolved.resolvedAt).not.toBeNull();
      const thread = await proposals.loaders(() => dammam).reviewCommentsOf(proposal);
      expect(thread.map(({ body, authorId, resolvedById }) => ({ body: body.ar, authorId, resolvedById }))).toEqual([
        { body: 'يرجى توضيح آلية المتابعة.', authorId: secretariat.personId, resolvedById: secretariat.personId },
        { body: 'تمت إضافة التوضيح.', authorId: dammam.personId, resolvedById: null },
      ]);
    });

    it('refuses an empty comment and a reply to a comment of another proposal', async () => {
      const first = await create('One');
      const second = await create('Two');
      await expect(review.addComment(secretariat, { proposalId: first.id, body: { ar: '' } })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'body',
      });
      const comment = await review.addComment(secretariat, { proposalId: first.id, body: { en: 'On the first' } });
      await expect(
        review.addComment(secretariat, { proposalId: second.id, body: { en: 'Reply' }, parentId: comment.id }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'parentId' });
    });
  });
});
