import { Graph, layout } from '@dagrejs/dagre';
import {
  BaseEdge,
  EdgeLabelRenderer,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  type Edge,
  type EdgeProps,
  type EdgeTypes,
  type Node,
  type NodeProps,
  type NodeTypes,
  type ReactFlowInstance,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../lib/numbers';
import { usePreferences } from '../../lib/preferences';

export interface WorkflowShape {
  initial: string;
  states: { name: string; final: boolean; transitions: { event: string; target: string }[] }[];
}

interface Props {
  workflow: WorkflowShape;
  current: string;
  /** The states the proposal went through, oldest first (the current one last). */
  path: string[];
}

type StateData = { label: string; current: boolean; visited: boolean; final: boolean };
type StateNode = Node<StateData, 'state'>;
type RouteData = { text: string; points: { x: number; y: number }[]; labelX: number; labelY: number };
type RouteEdge = Edge<RouteData, 'route'>;

/** Room dagre keeps for an edge's label, so no label lies under a box or another label. */
const LABEL_FONT = 11;
const labelWidth = (text: string): number => Math.ceil(text.length * LABEL_FONT * 0.6) + 8;

const WIDTH = 176;
const HEIGHT = 44;

function StateBox({ data }: NodeProps<StateNode>) {
  const { t } = useTranslation();
  const { lang } = usePreferences();
  const background = data.current
    ? 'var(--mantine-color-majlis-9)'
    : data.visited
      ? 'var(--mantine-color-majlis-0)'
      : 'var(--mantine-color-body)';
  return (
    <div
      aria-current={data.current ? 'step' : undefined}
      aria-label={data.current ? `${data.label} (${t('proposalDesk.standing.current')})` : undefined}
      lang={lang}
      dir={directionOf(lang)}
      style={{
        width: WIDTH,
        height: HEIGHT,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        textAlign: 'center',
        padding: '0 6px',
        borderRadius: 8,
        border: `${data.current ? 3 : data.visited ? 2 : 1}px ${data.final ? 'double' : 'solid'} ${
          data.current || data.visited ? 'var(--mantine-color-majlis-9)' : 'var(--mantine-color-gray-6)'
        }`,
        background,
        color: data.current ? 'var(--mantine-color-white)' : 'var(--mantine-color-text)',
        fontWeight: data.current ? 700 : data.visited ? 600 : 400,
        fontSize: 13,
        lineHeight: 1.2,
      }}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} style={{ visibility: 'hidden' }} />
      {data.label}
      <Handle type="source" position={Position.Bottom} isConnectable={false} style={{ visibility: 'hidden' }} />
    </div>
  );
}

/** An edge along the route dagre laid out around the boxes, its label where dagre made room for it. */
function RouteLine({ data, style, markerEnd }: EdgeProps<RouteEdge>) {
  const { lang } = usePreferences();
  if (!data) return null;
  const [first, ...rest] = data.points;
  if (!first) return null;
  const path = `M ${first.x},${first.y} ${rest.map((point) => `L ${point.x},${point.y}`).join(' ')}`;
  return (
    <>
      <BaseEdge path={path} style={style} markerEnd={markerEnd} />
      <EdgeLabelRenderer>
        <div
          lang={lang}
          dir={directionOf(lang)}
          style={{
            position: 'absolute',
            transform: `translate(-50%, -50%) translate(${data.labelX}px, ${data.labelY}px)`,
            fontSize: LABEL_FONT,
            lineHeight: 1.2,
            whiteSpace: 'nowrap',
            padding: '0 2px',
            background: 'var(--mantine-color-body)',
            color: 'var(--mantine-color-text)',
          }}
        >
          {data.text}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

const NODE_TYPES: NodeTypes = { state: StateBox };
const EDGE_TYPES: EdgeTypes = { route: RouteLine };

/** The proposal's workflow as served, laid out by dagre: the current state filled, the path taken bold. */
export default function WorkflowDiagram({ workflow, current, path }: Props) {
  const { t } = useTranslation();
  const { nodes, edges } = useMemo(() => {
    const taken = new Set<string>();
    for (let index = 1; index < path.length; index++) taken.add(`${path[index - 1]}>${path[index]}`);
    const visited = new Set(path);

    // One line per pair of states (several events may join the same two), bold where the proposal went.
    const pairs = new Map<string, string[]>();
    for (const state of workflow.states)
      for (const rule of state.transitions) {
        const key = `${state.name}>${rule.target}`;
        pairs.set(key, [...(pairs.get(key) ?? []), rule.event]);
      }
    const labels = new Map(
      [...pairs.entries()].map(([key, events]) => [
        key,
        events.map((event) => t(`events:proposal.${event}.label`)).join(' · '),
      ]),
    );

    const graph = new Graph();
    graph.setGraph({ rankdir: 'TB', nodesep: 28, edgesep: 12, ranksep: 40, marginx: 8, marginy: 8 });
    for (const state of workflow.states) graph.setNode(state.name, { width: WIDTH, height: HEIGHT });
    for (const [key, text] of labels) {
      const [source = '', target = ''] = key.split('>');
      if (graph.hasNode(target))
        graph.setEdge(source, target, { width: labelWidth(text), height: LABEL_FONT + 4, labelpos: 'c' });
    }
    layout(graph);

    const nodes: StateNode[] = workflow.states.map((state) => {
      const { x, y } = graph.node(state.name);
      return {
        id: state.name,
        type: 'state',
        position: { x: x - WIDTH / 2, y: y - HEIGHT / 2 },
        data: {
          label: t(`states:proposal.${state.name}`),
          current: state.name === current,
          visited: visited.has(state.name),
          final: state.final,
        },
        draggable: false,
        selectable: false,
        focusable: false,
      };
    });
    const edges: RouteEdge[] = graph.edges().map(({ v: source, w: target }) => {
      const key = `${source}>${target}`;
      const routed = graph.edge(source, target);
      const on = taken.has(key);
      const colour = on ? 'var(--mantine-color-majlis-9)' : 'var(--mantine-color-gray-6)';
      return {
        id: key,
        source,
        target,
        type: 'route',
        focusable: false,
        selectable: false,
        data: {
          text: labels.get(key) ?? '',
          points: routed.points ?? [],
          labelX: routed.x ?? 0,
          labelY: routed.y ?? 0,
        },
        style: { stroke: colour, strokeWidth: on ? 2.5 : 1 },
        markerEnd: { type: MarkerType.ArrowClosed, color: colour },
      };
    });
    return { nodes, edges };
  }, [workflow, current, path, t]);

  // Fitted again whenever its box changes size (a phone turned, the window narrowed), not only at first.
  const box = useRef<HTMLDivElement>(null);
  const [flow, setFlow] = useState<ReactFlowInstance<StateNode> | null>(null);
  useEffect(() => {
    const element = box.current;
    if (flow === null || element === null) return;
    const observer = new ResizeObserver(() => void flow.fitView());
    observer.observe(element);
    return () => observer.disconnect();
  }, [flow]);
  useEffect(() => {
    if (flow !== null) void flow.fitView();
  }, [flow, nodes]);

  return (
    // The drawing is laid out the same in both languages; the labels keep the reader's direction.
    <div ref={box} dir="ltr" style={{ width: '100%', height: 'clamp(420px, 60vw, 640px)' }}>
      <ReactFlow
        onInit={setFlow}
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        fitView
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        panOnDrag
        zoomOnScroll={false}
        preventScrolling={false}
        minZoom={0.2}
        proOptions={{ hideAttribution: true }}
        aria-label={t('proposalDesk.standing.diagram')}
      />
    </div>
  );
}
