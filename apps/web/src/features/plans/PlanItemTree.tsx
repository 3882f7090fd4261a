import { useMutation } from '@apollo/client/react';
import { ActionIcon, Badge, Box, Button, Group, Menu, Paper, Progress, Stack, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateStamp } from '../../components/DateStamp';
import { LocalizedText } from '../../components/LocalizedText';
import type { PlanItemFragment } from '../../gql/graphql';
import { directionOf } from '../../lib/numbers';
import { pickText } from '../../lib/localized';
import { usePreferences } from '../../lib/preferences';
import { showRefusal } from '../../lib/toasts';
import { MoveActionItemDocument, TransitionActionItemDocument } from './documents';
import { ItemStateBadge } from './PlanStatus';

export type Item = PlanItemFragment;

/** Children of each item (null: the top level), in their order. */
export type Tree = Map<string | null, Item[]>;

export function buildTree(items: readonly Item[]): Tree {
  const tree: Tree = new Map();
  for (const item of items) tree.set(item.parentId ?? null, [...(tree.get(item.parentId ?? null) ?? []), item]);
  for (const list of tree.values()) list.sort((a, b) => a.position - b.position);
  return tree;
}

/** Items this view shows: with a city, those it owns and the items above them (for context). */
export function visibleIds(tree: Tree, cityId: string | null): Set<string> | null {
  if (cityId === null) return null;
  const shown = new Set<string>();
  const visit = (item: Item): boolean => {
    const below = (tree.get(item.id) ?? []).map(visit).some(Boolean);
    const keep = below || item.ownerCity?.id === cityId;
    if (keep) shown.add(item.id);
    return keep;
  };
  (tree.get(null) ?? []).forEach(visit);
  return shown;
}

export interface TreeActions {
  /** The secretariat: adds, moves. */
  manage: boolean;
  mayReport(item: Item): boolean;
  onReport(item: Item): void;
  onBlock(item: Item): void;
  onAddUnder(item: Item): void;
}

const SHOWN_EVENTS = ['START', 'COMPLETE', 'UNBLOCK', 'VERIFY', 'BLOCK', 'CANCEL'];

function Reports({ item }: { item: Item }) {
  const { t } = useTranslation();
  if (item.progressReports.length === 0) return null;
  return (
    <Box component="details">
      <Text component="summary" size="sm" fw={600} style={{ cursor: 'pointer' }}>
        {t('followUp.reports', { count: item.progressReports.length })}
      </Text>
      <Stack component="ol" gap="xs" mt="xs" p={0} style={{ listStyle: 'none' }}>
        {item.progressReports.map((report) => (
          <Box
            component="li"
            key={report.id}
            ps="sm"
            style={{ borderInlineStart: '3px solid var(--mantine-color-majlis-2)' }}
          >
            <Text size="sm" fw={600}>
              {t('followUp.reportLine', { from: report.previousPercent, to: report.percent })}
            </Text>
            <Text size="xs" c="dimmed">
              {report.reportedBy ? <LocalizedText value={report.reportedBy.name} quietFallback /> : null}
              {report.reportedBy ? ' · ' : null}
              <DateStamp value={report.reportedAt} size="xs" />
            </Text>
            {report.note ? (
              <Text
                size="sm"
                lang={report.language}
                dir={directionOf(report.language)}
                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', textAlign: 'start' }}
                data-testid="report-note"
              >
                {report.note}
              </Text>
            ) : null}
          </Box>
        ))}
      </Stack>
    </Box>
  );
}

function MoveControls({ item, siblings, tree, all }: { item: Item; siblings: Item[]; tree: Tree; all: Item[] }) {
  const { t } = useTranslation();
  const { lang } = usePreferences();
  const [move, { loading }] = useMutation(MoveActionItemDocument);
  const index = siblings.findIndex((sibling) => sibling.id === item.id);
  const title = pickText(item.title, lang)?.text ?? '';
  const send = (input: { parentId?: string | null; position?: number }) =>
    move({ variables: { id: item.id, input: { expectedVersion: item.version, ...input } } }).catch((error: unknown) =>
      showRefusal(error, t),
    );
  // Where it may go: the top level or any milestone that is not itself or below it.
  const below = new Set<string>();
  const mark = (id: string) => (tree.get(id) ?? []).forEach((child) => (below.add(child.id), mark(child.id)));
  mark(item.id);
  const targets = all.filter(
    (other) => other.kind === 'MILESTONE' && other.id !== item.id && !below.has(other.id) && other.id !== item.parentId,
  );
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={t('followUp.moveUp')}>
        <ActionIcon
          variant="default"
          aria-label={t('followUp.moveUpNamed', { name: title })}
          disabled={index <= 0 || loading}
          onClick={() => void send({ position: index - 1 })}
        >
          <span aria-hidden="true">↑</span>
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('followUp.moveDown')}>
        <ActionIcon
          variant="default"
          aria-label={t('followUp.moveDownNamed', { name: title })}
          disabled={index < 0 || index >= siblings.length - 1 || loading}
          onClick={() => void send({ position: index + 1 })}
        >
          <span aria-hidden="true">↓</span>
        </ActionIcon>
      </Tooltip>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="compact-sm" variant="default" aria-label={t('followUp.moveToNamed', { name: title })}>
            {t('followUp.moveTo')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {item.parentId !== null ? (
            <Menu.Item onClick={() => void send({ parentId: null })}>{t('followUp.topLevel')}</Menu.Item>
          ) : null}
          {targets.map((target) => (
            <Menu.Item key={target.id} onClick={() => void send({ parentId: target.id })}>
              <LocalizedText value={target.title} quietFallback />
            </Menu.Item>
          ))}
          {targets.length === 0 && item.parentId === null ? (
            <Menu.Label>{t('followUp.nowhereToMove')}</Menu.Label>
          ) : null}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

function ItemCard({
  item,
  siblings,
  tree,
  all,
  shown,
  actions,
  depth,
}: {
  item: Item;
  siblings: Item[];
  tree: Tree;
  all: Item[];
  shown: Set<string> | null;
  actions: TreeActions;
  depth: number;
}) {
  const { t } = useTranslation();
  const [transition, { loading }] = useMutation(TransitionActionItemDocument);
  const children = (tree.get(item.id) ?? []).filter((child) => shown === null || shown.has(child.id));
  const events = SHOWN_EVENTS.filter((event) => item.availableEvents.includes(event));
  const send = (event: string) =>
    transition({ variables: { id: item.id, event, expectedVersion: item.version } }).catch((error: unknown) =>
      showRefusal(error, t),
    );
  const headingId = `item-${item.id}`;
  const Frame = depth === 0 ? TopFrame : PlainFrame;
  return (
    <Box
      component="li"
      aria-labelledby={headingId}
      data-testid="plan-item"
      data-item-id={item.id}
      style={{ listStyle: 'none' }}
    >
      <Frame>
        <Stack
          gap={6}
          ps={depth > 0 ? 'md' : 0}
          style={depth > 0 ? { borderInlineStart: '2px solid var(--mantine-color-gray-3)' } : undefined}
        >
          <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
            <Text
              id={headingId}
              fw={item.kind === 'MILESTONE' ? 700 : 600}
              style={{ minWidth: 0, overflowWrap: 'anywhere', flex: 1 }}
            >
              <LocalizedText value={item.title} />
            </Text>
            <Group gap={4}>
              <Badge variant="outline" color="gray.8" tt="none">
                {t(`followUp.kind.${item.kind}`)}
              </Badge>
              {item.overdue ? (
                <Badge color="red.9" variant="filled" tt="none">
                  {t('plan.status.late')}
                </Badge>
              ) : null}
              <ItemStateBadge state={item.state} />
            </Group>
          </Group>
          <Progress value={item.progress} size="md" aria-label={t('followUp.itemProgress')} />
          <Text size="xs" c="dimmed">
            <Text span fw={700} size="xs" c="dark" data-testid="item-progress">
              {t('plan.progressValue', { value: item.progress })}
            </Text>
            {item.ownerCity ? (
              <>
                {' · '}
                {t('followUp.ownerShort')} <LocalizedText value={item.ownerCity.name} quietFallback />
              </>
            ) : null}
            {item.assignee ? (
              <>
                {' · '}
                <LocalizedText value={item.assignee.name} quietFallback />
              </>
            ) : null}
          </Text>
          <Text size="xs">
            {t('plan.due')} <DateStamp value={item.dueDate} size="xs" />
          </Text>
          {item.state === 'blocked' && item.blockedReason ? (
            <Text size="sm" c="rust.9">
              {t('followUp.blockedBecause')}{' '}
              <bdi dir="auto" style={{ overflowWrap: 'anywhere' }}>
                {item.blockedReason}
              </bdi>
            </Text>
          ) : null}
          <Group gap="xs" wrap="wrap">
            {actions.mayReport(item) ? (
              <Button size="compact-sm" onClick={() => actions.onReport(item)}>
                {t('followUp.report')}
              </Button>
            ) : null}
            {events.map((event) => (
              <Button
                key={event}
                size="compact-sm"
                variant="light"
                color={event === 'CANCEL' || event === 'BLOCK' ? 'rust.9' : 'majlis.9'}
                loading={loading}
                onClick={() => (event === 'BLOCK' ? actions.onBlock(item) : void send(event))}
              >
                {t(`events:actionItem.${event}.label`)}
              </Button>
            ))}
            {actions.manage && item.kind === 'MILESTONE' ? (
              <Button size="compact-sm" variant="default" onClick={() => actions.onAddUnder(item)}>
                {t('followUp.addTask')}
              </Button>
            ) : null}
            {actions.manage ? <MoveControls item={item} siblings={siblings} tree={tree} all={all} /> : null}
          </Group>
          <Reports item={item} />
          {children.length > 0 ? (
            <Stack component="ul" gap="md" p={0} m={0} mt="xs">
              {children.map((child) => (
                <ItemCard
                  key={child.id}
                  item={child}
                  siblings={tree.get(item.id) ?? []}
                  tree={tree}
                  all={all}
                  shown={shown}
                  actions={actions}
                  depth={depth + 1}
                />
              ))}
            </Stack>
          ) : null}
        </Stack>
      </Frame>
    </Box>
  );
}

function TopFrame({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      {children}
    </Paper>
  );
}

function PlainFrame({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

/** The plan's items as a tree: each top-level item in its own card, children nested under it. */
export function PlanItemTree({
  items,
  tree,
  shown,
  actions,
}: {
  items: Item[];
  /** The same items by parent (from buildTree). */
  tree: Tree;
  shown: Set<string> | null;
  actions: TreeActions;
}) {
  const tops = (tree.get(null) ?? []).filter((item) => shown === null || shown.has(item.id));
  return (
    <Stack component="ul" gap="md" p={0} m={0}>
      {tops.map((item) => (
        <ItemCard
          key={item.id}
          item={item}
          siblings={tree.get(null) ?? []}
          tree={tree}
          all={items}
          shown={shown}
          actions={actions}
          depth={0}
        />
      ))}
    </Stack>
  );
}
