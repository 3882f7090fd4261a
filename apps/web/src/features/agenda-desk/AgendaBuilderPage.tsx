import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  Paper,
  Progress,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LocalizedText, type TextParts } from '../../components/LocalizedText';
import { EmptyState, ErrorNotice, NotFound, PageSkeleton } from '../../components/states';
import type { AgendaDeskQuery, AgendaLineFragment } from '../../gql/graphql';
import { errorCode, errorMessage } from '../../lib/errors';
import { pickText } from '../../lib/localized';
import { useFormat, usePreferences } from '../../lib/preferences';
import { hasRole, useMe } from '../../lib/session';
import { showToast } from '../../lib/toasts';
import {
  flatten,
  landing,
  numbering,
  plannedTotal,
  stepMoves,
  subtreeOf,
  type Flat,
  type Landing,
} from './agenda-tree';
import { DeskFrame, SecretariatOnly } from './DeskFrame';
import {
  AgendaDeskDocument,
  MoveAgendaItemDocument,
  PublishAgendaDocument,
  RemoveAgendaItemDocument,
} from './documents';
import { ItemDialog } from './ItemDialog';

type Meeting = AgendaDeskQuery['meeting'];
type Item = Flat<AgendaLineFragment>;
/** How far one level of the tree is indented, in pixels: a drag this far sideways goes one level in or out. */
const INDENT = 28;

export function AgendaBuilderPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const secretariat = hasRole(me, 'SECRETARIAT');
  const { data, loading, error } = useQuery(AgendaDeskDocument, { variables: { id }, skip: !secretariat });
  if (!secretariat) return <SecretariatOnly />;
  if (loading && !data) return <PageSkeleton rows={6} />;
  if (errorCode(error) === 'NOT_FOUND') return <NotFound />;
  if (!data) return <ErrorNotice error={error} />;
  return (
    <DeskFrame meeting={data.meeting} current="agenda">
      <Builder meeting={data.meeting} />
    </DeskFrame>
  );
}

function Builder({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { lang } = usePreferences();
  const format = useFormat();
  const refetch = {
    refetchQueries: [{ query: AgendaDeskDocument, variables: { id: meeting.id } }],
    awaitRefetchQueries: true,
  };
  const client = useApolloClient();
  const [move, moving] = useMutation(MoveAgendaItemDocument, refetch);
  // Shown while a drop is on its way to the API; dropped again when it answers (a refusal puts the item back).
  const [dropped, setDropped] = useState<Item[] | null>(null);
  const [moveError, setMoveError] = useState<unknown>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [overId, setOverId] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<AgendaLineFragment | 'new' | null>(null);
  const [removing, setRemoving] = useState<Item | null>(null);

  const served = flatten(meeting.agendaItems);
  const items = dropped ?? served;
  const hidden = activeId === null ? new Set<string>() : subtreeOf(items, activeId);
  const visible = items.filter((item) => item.id === activeId || !hidden.has(item.id));
  const numbers = numbering(items);
  const numberOf = (id: string) => (numbers.get(id) ?? []).map((part) => format.number(part)).join('.');
  const titleOf = (item: { title: TextParts }) => pickText(item.title, lang)?.text ?? '';
  // Sideways towards the inside (left in Arabic, right in English) goes deeper.
  const levelsOf = (dx: number) => Math.round(dx / INDENT) * (lang === 'ar' ? -1 : 1);
  const indexOf = (id: string | null) => visible.findIndex((item) => item.id === id);
  const projected =
    activeId !== null && overId !== null
      ? landing(visible, indexOf(activeId), indexOf(overId), levelsOf(offset))
      : null;

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const byId = (id: string | number | undefined) => items.find((item) => item.id === id);
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t('agendaDesk.dnd.picked', { title: titleOf(byId(active.id) ?? { title: { authoritative: lang } }) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('agendaDesk.dnd.over', {
            title: titleOf(byId(active.id) ?? { title: { authoritative: lang } }),
            position: indexOf(String(over.id)) + 1,
            total: visible.length,
          })
        : t('agendaDesk.dnd.outside'),
    onDragEnd: ({ active, over }) =>
      over
        ? t('agendaDesk.dnd.dropped', {
            title: titleOf(byId(active.id) ?? { title: { authoritative: lang } }),
            position: indexOf(String(over.id)) + 1,
            total: visible.length,
          })
        : t('agendaDesk.dnd.cancelled'),
    onDragCancel: () => t('agendaDesk.dnd.cancelled'),
  };

  function reset() {
    setActiveId(null);
    setOverId(null);
    setOffset(0);
  }

  async function send(item: Item, to: Omit<Landing, 'depth'>, shown: Item[] | null) {
    setMoveError(null);
    setDropped(shown);
    try {
      await move({ variables: { id: item.id, parentId: to.parentId, position: to.position } });
    } catch (refusal) {
      setMoveError(refusal);
      // Back where it was, then the agenda as it stands now (someone else may have changed it meanwhile).
      setDropped(null);
      await client.refetchQueries({ include: [AgendaDeskDocument] }).catch(() => undefined);
    } finally {
      setDropped(null);
    }
  }

  function onDragEnd(event: DragEndEvent) {
    const item = byId(event.active.id);
    // From the event itself: the last pointer move may not have been rendered yet.
    const landed =
      event.over === null
        ? null
        : landing(visible, indexOf(String(event.active.id)), indexOf(String(event.over.id)), levelsOf(event.delta.x));
    reset();
    if (item === undefined || landed === null || event.over === null) return;
    const siblings = items.filter((entry) => entry.parentId === item.parentId);
    if (landed.parentId === item.parentId && landed.position === siblings.indexOf(item)) return;
    // What the agenda looks like after the drop, with the item's sub-items following it.
    const subtree = items.filter((entry) => hidden.has(entry.id));
    const rest = visible.filter((entry) => entry.id !== item.id);
    const at = indexOf(String(event.over.id));
    const shift = landed.depth - item.depth;
    const placed = subtree.map((entry) =>
      entry.id === item.id
        ? { ...entry, parentId: landed.parentId, depth: landed.depth }
        : { ...entry, depth: entry.depth + shift },
    );
    const shown = [...rest.slice(0, at), ...placed, ...rest.slice(at)];
    void send(item, landed, shown);
  }

  const total = plannedTotal(items);
  const length = Math.round((Date.parse(meeting.endsAt) - Date.parse(meeting.startsAt)) / 60_000);
  const over = total > length;
  const timeSaid = t(over ? 'agendaDesk.minutesOver' : 'agendaDesk.minutesTotal', {
    total,
    count: length,
    left: Math.abs(length - total),
  });
  const canPublish = meeting.availableEvents.includes('PUBLISH_AGENDA');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 18rem' }}>
          <Group gap="xs">
            <Badge variant="light" color={meeting.state === 'planned' ? 'blue.9' : 'majlis.9'} tt="none">
              {t(`states:meeting.${meeting.state}`)}
            </Badge>
          </Group>
          <Text size="sm">{timeSaid}</Text>
          <Progress
            value={length > 0 ? Math.min(100, (total / length) * 100) : 0}
            color={over ? 'red.9' : 'majlis.7'}
            aria-label={timeSaid}
            size="sm"
          />
        </Stack>
        <Group gap="xs">
          <Button variant="default" onClick={() => setEditing('new')}>
            {t('agendaDesk.addItem')}
          </Button>
          {canPublish ? <Publish meeting={meeting} /> : null}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('agendaDesk.howToMove')}
      </Text>
      {moveError ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={t('agendaDesk.moveRefused')}
          withCloseButton
          onClose={() => setMoveError(null)}
          closeButtonLabel={t('agendaDesk.dismiss')}
        >
          {errorMessage(moveError, t)}
        </Alert>
      ) : null}
      {items.length === 0 ? <EmptyState title={t('agendaDesk.empty')}>{t('agendaDesk.emptyBody')}</EmptyState> : null}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('agendaDesk.dnd.instructions') },
        }}
        onDragStart={({ active }) => {
          setActiveId(String(active.id));
          setOverId(String(active.id));
        }}
        onDragMove={({ delta }) => setOffset(delta.x)}
        onDragOver={({ over }) => setOverId(over === null ? null : String(over.id))}
        onDragEnd={onDragEnd}
        onDragCancel={reset}
      >
        <SortableContext items={visible.map((item) => item.id)} strategy={verticalListSortingStrategy}>
          <Stack
            component="ol"
            gap={6}
            p={0}
            m={0}
            aria-label={t('agendaDesk.listLabel')}
            style={{ listStyle: 'none' }}
          >
            {visible.map((item) => (
              <Row
                key={item.id}
                item={item}
                depth={item.id === activeId && projected !== null ? projected.depth : item.depth}
                number={numberOf(item.id)}
                busy={moving.loading}
                moves={stepMoves(items, item.id)}
                onMove={(to) => void send(item, to, null)}
                onEdit={() => setEditing(item)}
                onRemove={() => setRemoving(item)}
              />
            ))}
          </Stack>
        </SortableContext>
      </DndContext>
      {editing !== null ? (
        <ItemDialog
          key={editing === 'new' ? 'new' : editing.id}
          meetingId={meeting.id}
          delegations={meeting.delegations}
          item={editing === 'new' ? null : editing}
          opened
          onClose={() => setEditing(null)}
        />
      ) : null}
      <RemoveDialog meetingId={meeting.id} item={removing} onClose={() => setRemoving(null)} />
    </Stack>
  );
}

interface RowProps {
  item: Item;
  depth: number;
  number: string;
  busy: boolean;
  moves: ReturnType<typeof stepMoves>;
  onMove(to: Omit<Landing, 'depth'>): void;
  onEdit(): void;
  onRemove(): void;
}

function Row({ item, depth, number, busy, moves, onMove, onEdit, onRemove }: RowProps) {
  const { t } = useTranslation();
  const { lang } = usePreferences();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
  });
  const title = pickText(item.title, lang)?.text ?? '';
  const presenter = item.presenterDelegation
    ? t('agendaDesk.presenterDelegation', {
        city: pickText(item.presenterDelegation.memberCity.name, lang)?.text ?? '',
      })
    : item.presenter === 'SECRETARIAT'
      ? t('agendaDesk.presenterSecretariat')
      : null;
  return (
    <li
      ref={setNodeRef}
      style={{
        transform: CSS.Translate.toString(transform),
        transition,
        paddingInlineStart: depth * INDENT,
        position: 'relative',
        zIndex: isDragging ? 2 : undefined,
      }}
    >
      <Paper
        withBorder
        radius="md"
        p="xs"
        shadow={isDragging ? 'md' : undefined}
        bg={item.kind === 'SECTION' ? 'gray.0' : undefined}
      >
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <ActionIcon
            ref={setActivatorNodeRef}
            variant="subtle"
            color="gray.8"
            size="lg"
            style={{ cursor: 'grab', touchAction: 'none', flexShrink: 0 }}
            aria-label={t('agendaDesk.dragHandle', { title })}
            {...attributes}
            {...listeners}
          >
            <GripIcon />
          </ActionIcon>
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            <Group gap={6} wrap="nowrap" align="baseline">
              <Text fw={700} style={{ flexShrink: 0 }}>
                <bdi>{number}</bdi>
              </Text>
              <Text fw={item.kind === 'SECTION' ? 700 : 600} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                <LocalizedText value={item.title} quietFallback />
              </Text>
            </Group>
            <Group gap={6}>
              <Badge variant="light" color="gray.8" size="sm" tt="none">
                {t(`agendaDesk.kind.${item.kind}`)}
              </Badge>
              {item.plannedMinutes ? (
                <Text size="xs" c="dimmed">
                  {t('agendaDesk.minutes', { count: item.plannedMinutes })}
                </Text>
              ) : null}
              {presenter ? (
                <Text size="xs" c="dimmed">
                  {presenter}
                </Text>
              ) : null}
            </Group>
            {item.proposal ? (
              <Text size="xs">
                {t('agendaDesk.linkedProposal')}{' '}
                <Link to={`/proposals/${item.proposal.id}`} style={{ color: 'var(--mantine-color-majlis-9)' }}>
                  <LocalizedText value={item.proposal.title} quietFallback />
                </Link>
              </Text>
            ) : null}
          </Stack>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray.8" size="lg" disabled={busy} style={{ flexShrink: 0 }}>
                <DotsIcon />
                <VisuallyHidden>{t('agendaDesk.itemActions', { title })}</VisuallyHidden>
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={onEdit}>{t('agendaDesk.edit')}</Menu.Item>
              <Menu.Divider />
              {(['up', 'down', 'indent', 'outdent'] as const).map((way) => {
                const to = moves[way];
                return (
                  <Menu.Item key={way} disabled={to === null} onClick={() => to && onMove(to)}>
                    {t(`agendaDesk.move.${way}`)}
                  </Menu.Item>
                );
              })}
              <Menu.Divider />
              <Menu.Item color="red.9" onClick={onRemove}>
                {t('agendaDesk.remove')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Paper>
    </li>
  );
}

function Publish({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [publish, { loading, error, reset }] = useMutation(PublishAgendaDocument);
  async function confirm() {
    const done = await publish({ variables: { id: meeting.id, expectedVersion: meeting.version } }).catch(() => null);
    if (done === null) return;
    setOpened(false);
    showToast('majlis', 'agendaDesk.published');
  }
  return (
    <>
      <Button onClick={() => setOpened(true)}>{t('agendaDesk.publish')}</Button>
      <Modal
        opened={opened}
        onClose={() => {
          setOpened(false);
          reset();
        }}
        title={t('agendaDesk.publishTitle')}
      >
        <Stack gap="sm">
          <Text size="sm">{t('agendaDesk.publishBody')}</Text>
          <ErrorAlert error={error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('agendaDesk.cancel')}
            </Button>
            <Button loading={loading} onClick={() => void confirm()}>
              {t('agendaDesk.publishConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function RemoveDialog({ meetingId, item, onClose }: { meetingId: string; item: Item | null; onClose(): void }) {
  const { t } = useTranslation();
  const [remove, { loading, error, reset }] = useMutation(RemoveAgendaItemDocument, {
    refetchQueries: [{ query: AgendaDeskDocument, variables: { id: meetingId } }],
    awaitRefetchQueries: true,
  });
  async function confirm() {
    if (item === null) return;
    const done = await remove({ variables: { id: item.id } }).catch(() => null);
    if (done === null) return;
    showToast('majlis', 'agendaDesk.removed');
    onClose();
  }
  return (
    <Modal
      opened={item !== null}
      onClose={() => {
        reset();
        onClose();
      }}
      title={t('agendaDesk.removeTitle')}
    >
      <Stack gap="sm">
        <Text size="sm">
          {t('agendaDesk.removeBody')} <LocalizedText value={item?.title} quietFallback />
        </Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('agendaDesk.cancel')}
          </Button>
          <Button color="red.9" loading={loading} onClick={() => void confirm()}>
            {t('agendaDesk.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function GripIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
      {[5, 12, 19].flatMap((y) => [9, 15].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.8" />))}
    </svg>
  );
}

function DotsIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
      {[5, 12, 19].map((x) => (
        <circle key={x} cx={x} cy="12" r="2" />
      ))}
    </svg>
  );
}
