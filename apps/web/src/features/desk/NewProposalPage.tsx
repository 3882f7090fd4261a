import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ErrorNotice, PageSkeleton, PageTitle } from '../../components/states';
import type { DeskParentQuery, ProposalCategory } from '../../gql/graphql';
import { errorCode } from '../../lib/errors';
import { pickText } from '../../lib/localized';
import { usePreferences } from '../../lib/preferences';
import { useMe } from '../../lib/session';
import { showToast } from '../../lib/toasts';
import { mayDraft } from '../../lib/proposal-access';
import { CosponsorPicker } from './CosponsorPicker';
import { CreateDeskProposalDocument, DeskMeetingsDocument, DeskParentDocument } from './documents';
import { draftInput, draftOverLimit, emptyDraft, hasTitle, sameDraft, type Draft } from './draft';
import { AmendsLine, DraftFields } from './EditorParts';
import { DeskNotFound } from './EditProposalPage';
import { copyKey, readCopy, removeCopy, writeCopy, type LocalCopy } from './local-copy';
import { RestoreOffer } from './RestoreOffer';

const CATEGORIES: ProposalCategory[] = ['STRATEGIC_PLAN', 'PROGRAMME', 'GOVERNANCE', 'OTHER'];

type Parent = DeskParentQuery['proposal'];

/** A proposal not on the server yet: typed text is kept on this browser until the draft is created. */
function NewProposalForm({ parent }: { parent: Parent | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const { lang } = usePreferences();
  const navigate = useNavigate();
  const key = copyKey(me.id, parent ? `new:${parent.id}` : 'new');
  const [draft, setDraftState] = useState<Draft>(() => emptyDraft(lang));
  const [offer, setOffer] = useState<LocalCopy | null>(() => {
    const local = readCopy(key);
    return local !== null && !sameDraft(local.draft, emptyDraft(local.draft.authoritative)) ? local : null;
  });
  const [kept, setKept] = useState(true);
  const [category, setCategory] = useState<ProposalCategory>(parent?.category ?? 'STRATEGIC_PLAN');
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [cosponsors, setCosponsors] = useState<string[]>([]);
  const meetings = useQuery(DeskMeetingsDocument);
  const [create, creating] = useMutation(CreateDeskProposalDocument);
  const [error, setError] = useState<unknown>(null);
  const valid = hasTitle(draft) && !draftOverLimit(draft);

  function setDraft(next: Draft) {
    setDraftState(next);
    setKept(writeCopy(key, { draft: next, baseVersion: null, keptAt: new Date().toISOString() }));
  }

  async function createDraft() {
    setError(null);
    try {
      const { data } = await create({
        variables: {
          input: {
            category,
            ...(meetingId ? { meetingId } : {}),
            ...(parent ? { parentId: parent.id } : {}),
            ...(cosponsors.length > 0 ? { cosponsorCityIds: cosponsors } : {}),
            title: {},
            ...draftInput(draft),
          },
        },
      });
      if (!data) return;
      removeCopy(key);
      showToast('green', 'desk.editor.created');
      await navigate(`/proposals/${data.createProposal.id}/edit`, { replace: true });
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <PageTitle>{parent ? t('desk.editor.newAmendment') : t('desk.editor.newTitle')}</PageTitle>
        {parent ? <AmendsLine parent={parent} /> : null}
      </Stack>
      {offer ? (
        <RestoreOffer
          copy={offer}
          onRestore={() => {
            setOffer(null);
            setDraft(offer.draft);
          }}
          onDiscard={() => {
            removeCopy(key);
            setOffer(null);
          }}
        />
      ) : null}
      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {!kept
              ? t('desk.status.notKept')
              : hasTitle(draft)
                ? t('desk.status.localOnly')
                : t('desk.status.needTitle')}
          </Text>
          <Button onClick={() => void createDraft()} disabled={offer !== null || !valid} loading={creating.loading}>
            {t('desk.editor.create')}
          </Button>
        </Group>
      </Paper>
      <ErrorAlert error={error} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('desk.editor.category')}
          data={CATEGORIES.map((value) => ({ value, label: t(`proposal.category.${value}`) }))}
          value={category}
          onChange={(value) => {
            if (value) setCategory(value as ProposalCategory);
          }}
          allowDeselect={false}
        />
        <Select
          label={t('desk.editor.meeting')}
          placeholder={t('desk.editor.noMeeting')}
          data={(meetings.data?.meetings.edges ?? []).map(({ node }) => ({
            value: node.id,
            label: pickText(node.title, lang)?.text ?? node.id,
          }))}
          value={meetingId}
          onChange={setMeetingId}
          clearable
        />
      </SimpleGrid>
      <DraftFields draft={draft} readOnly={offer !== null} onChange={setDraft} />
      {me.memberCity ? (
        <CosponsorPicker
          ownerCityId={me.memberCity.id}
          value={cosponsors}
          description={t('desk.editor.cosponsorsHint')}
          onChange={setCosponsors}
        />
      ) : null}
    </Stack>
  );
}

/** /proposals/new, and /proposals/new?parent=<id> to amend another city's proposal. */
export function NewProposalPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const parentId = params.get('parent');
  const parent = useQuery(DeskParentDocument, { variables: { id: parentId ?? '' }, skip: parentId === null });
  if (!mayDraft(me)) {
    return (
      <Alert color="blue" variant="light" role="status">
        {t('desk.editor.onlyDelegates')}
      </Alert>
    );
  }
  if (parentId === null) return <NewProposalForm parent={null} />;
  if (parent.loading && !parent.data) return <PageSkeleton rows={4} />;
  if (!parent.data)
    return errorCode(parent.error) === 'NOT_FOUND' ? <DeskNotFound /> : <ErrorNotice error={parent.error} />;
  const amended = parent.data.proposal;
  if (amended.parent !== null && amended.parent !== undefined) {
    return (
      <Alert color="blue" variant="light" role="status">
        {t('desk.editor.amendmentOfAmendment')}
      </Alert>
    );
  }
  return <NewProposalForm key={amended.id} parent={amended} />;
}
