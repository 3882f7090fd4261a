import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LocalizedText } from '../../components/LocalizedText';
import { ErrorNotice, NotFound, PageSkeleton, PageTitle } from '../../components/states';
import type { DeskEditorFragment } from '../../gql/graphql';
import { errorCode } from '../../lib/errors';
import { usePreferences } from '../../lib/preferences';
import { useMe } from '../../lib/session';
import { showToast } from '../../lib/toasts';
import { mayEdit } from '../../lib/proposal-access';
import { ConflictPanel } from './ConflictPanel';
import { CosponsorPicker } from './CosponsorPicker';
import { ProposalStateBadge } from '../../components/ProposalStateBadge';
import {
  AddCosponsorDocument,
  DeskProposalDocument,
  RemoveCosponsorDocument,
  SubmitProposalDocument,
} from './documents';
import { draftOverLimit, hasTitle } from './draft';
import { AmendsLine, DraftFields } from './EditorParts';
import { copyKey } from './local-copy';
import { RestoreOffer } from './RestoreOffer';
import { StatusLine } from './StatusLine';
import { SubmitDialog } from './SubmitDialog';
import { useDraftSync } from './use-draft-sync';

/** Not found: another city's draft, or no such proposal — said plainly, with the way back. */
export function DeskNotFound() {
  const { t } = useTranslation();
  return (
    <Stack align="center">
      <NotFound />
      <Button component={Link} to="/proposals">
        {t('desk.list.back')}
      </Button>
    </Stack>
  );
}

function Cosponsors({ proposal }: { proposal: DeskEditorFragment }) {
  const { t } = useTranslation();
  const [add, adding] = useMutation(AddCosponsorDocument);
  const [remove, removing] = useMutation(RemoveCosponsorDocument);
  const [error, setError] = useState<unknown>(null);
  const current = proposal.cosponsors.map((city) => city.id);
  const draft = proposal.state === 'draft';

  async function change(ids: string[]) {
    setError(null);
    try {
      for (const city of ids.filter((id) => !current.includes(id))) await add({ variables: { id: proposal.id, city } });
      for (const city of current.filter((id) => !ids.includes(id)))
        await remove({ variables: { id: proposal.id, city } });
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <Stack gap={4}>
      <CosponsorPicker
        ownerCityId={proposal.ownerCity.id}
        value={current}
        disabled={!draft || adding.loading || removing.loading}
        description={draft ? t('desk.editor.cosponsorsHint') : t('desk.editor.cosponsorsFrozen')}
        onChange={(ids) => void change(ids)}
      />
      <ErrorAlert error={error} />
    </Stack>
  );
}

function Editor({ proposal }: { proposal: DeskEditorFragment }) {
  const { t } = useTranslation();
  const me = useMe();
  const { lang } = usePreferences();
  const navigate = useNavigate();
  const sync = useDraftSync(proposal, copyKey(me.id, proposal.id), lang);
  const [submitOpen, setSubmitOpen] = useState(false);
  const [submit, submitting] = useMutation(SubmitProposalDocument);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const readOnly = sync.offer !== null || sync.conflict !== null;
  const valid = hasTitle(sync.draft) && !draftOverLimit(sync.draft);
  const unsavedRevision = sync.dirty || sync.hasWorkingCopy;
  const mayRevise = !readOnly && valid && unsavedRevision && sync.status.kind !== 'saving';
  const maySubmit = proposal.availableEvents.includes('SUBMIT');
  const nextRevision = proposal.revisionCount + (unsavedRevision ? 1 : 0);

  async function saveRevision() {
    if (await sync.saveRevision()) showToast('green', 'desk.editor.revisionSaved');
  }

  async function confirmSubmit() {
    setSubmitError(null);
    if (!(await sync.flush())) {
      setSubmitOpen(false);
      return;
    }
    try {
      await submit({ variables: { id: proposal.id, version: sync.version() } });
      sync.forget();
      showToast('green', 'desk.submit.done');
      await navigate(`/proposals/${proposal.id}`);
    } catch (error) {
      setSubmitError(error);
    }
  }

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <PageTitle>{t('desk.editor.editTitle')}</PageTitle>
        <Group gap="xs" wrap="wrap">
          <ProposalStateBadge state={proposal.state} />
          <Text size="sm" c="dimmed">
            <LocalizedText value={proposal.ownerCity.name} quietFallback />
            {' · '}
            {t(`proposal.category.${proposal.category}`)}
            {' · '}
            {t('desk.editor.revisions', { count: proposal.revisionCount })}
          </Text>
          <Anchor component={Link} to={`/proposals/${proposal.id}`} size="sm">
            {t('desk.editor.openPage')}
          </Anchor>
        </Group>
        {proposal.parent ? <AmendsLine parent={proposal.parent} /> : null}
      </Stack>

      {sync.offer ? <RestoreOffer copy={sync.offer} onRestore={sync.restore} onDiscard={sync.discard} /> : null}
      {sync.conflict ? (
        <ConflictPanel
          conflict={sync.conflict}
          mine={sync.draft}
          onKeepMine={sync.keepMine}
          onTakeTheirs={sync.takeTheirs}
        />
      ) : null}

      <Paper
        withBorder
        radius="md"
        p="sm"
        style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 56px) + 4px)', zIndex: 2 }}
      >
        <Group justify="space-between" gap="sm" wrap="wrap">
          <StatusLine status={sync.status} keptLocally={sync.keptLocally} />
          <Group gap="sm">
            <Button variant="default" onClick={() => void saveRevision()} disabled={!mayRevise}>
              {t('desk.editor.saveRevision')}
            </Button>
            {maySubmit ? (
              <Button onClick={() => setSubmitOpen(true)} disabled={readOnly || !valid}>
                {t('desk.editor.submit')}
              </Button>
            ) : null}
          </Group>
        </Group>
      </Paper>

      <DraftFields draft={sync.draft} readOnly={readOnly} onChange={sync.setDraft} />
      <Cosponsors proposal={proposal} />

      <SubmitDialog
        opened={submitOpen}
        draft={sync.draft}
        revision={nextRevision}
        cosponsors={proposal.cosponsors}
        firstSubmission={proposal.state === 'draft'}
        submitting={submitting.loading}
        error={submitError}
        onClose={() => setSubmitOpen(false)}
        onSubmit={() => void confirmSubmit()}
      />
    </Stack>
  );
}

/** /proposals/:id/edit — the owning delegation's editor of a draft (or of one sent back for changes). */
export function EditProposalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const { data, error, loading } = useQuery(DeskProposalDocument, { variables: { id } });
  if (loading && !data) return <PageSkeleton rows={4} />;
  if (!data) return errorCode(error) === 'NOT_FOUND' ? <DeskNotFound /> : <ErrorNotice error={error} />;
  const proposal = data.proposal;
  if (!mayEdit(me, proposal.ownerCity.id, proposal.state)) {
    return (
      <Stack gap="md">
        <PageTitle>
          <LocalizedText value={proposal.title} quietFallback />
        </PageTitle>
        <Alert color="blue" variant="light" role="status">
          {me.memberCity?.id === proposal.ownerCity.id ? t('desk.editor.notEditable') : t('desk.editor.notYours')}
        </Alert>
        <Button component={Link} to={`/proposals/${proposal.id}`} w="fit-content">
          {t('desk.editor.openPage')}
        </Button>
      </Stack>
    );
  }
  return <Editor key={proposal.id} proposal={proposal} />;
}
