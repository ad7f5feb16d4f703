import { z } from 'zod';
import { touchedSchema, type Touched } from './touched';

/** Events the main process pushes to the renderer (menu commands, workspace switches). */
export const APP_EVENTS = [
  /** Another workspace file was opened: everything the renderer shows belongs to the old one. */
  'workspace-changed',
  'menu:new-document',
  'menu:open-text-file',
  'menu:undo',
  'menu:redo',
  'menu:shortcuts',
  'menu:find',
  'menu:import',
  'menu:export-report',
  'menu:share',
  'menu:merge',
  'menu:conflicts',
  'menu:sync',
  'menu:activity',
  'menu:start-session',
  'menu:start-capture',
  'menu:sessions',
  'menu:make-claim',
  'menu:libraries',
] as const;
export type AppEvent = (typeof APP_EVENTS)[number];

/** Stored data changed in the open workspace (any write, a merge, a folder sync): what it touched. */
export interface DataChangedEvent {
  type: 'data-changed';
  touched: Touched;
}

export const dataChangedEventSchema: z.ZodType<DataChangedEvent> = z.strictObject({
  type: z.literal('data-changed'),
  touched: touchedSchema,
});

/** Everything `onEvent` delivers: a named app event, or a data change with its payload. */
export type BridgeEvent = AppEvent | DataChangedEvent;

/** A payload from the event channel, checked: a known event, or null for anything else. */
export function parseBridgeEvent(payload: unknown): BridgeEvent | null {
  if (typeof payload === 'string') return (APP_EVENTS as readonly string[]).includes(payload) ? (payload as AppEvent) : null;
  const parsed = dataChangedEventSchema.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

export function dataChanged(touched: Touched): DataChangedEvent {
  return { type: 'data-changed', touched };
}

/** An event as the core protocol carries it (shared/protocol.ts): a kind and an optional payload. */
export interface WireEvent {
  kind: string;
  payload?: unknown;
}

/** A bridge event in the protocol's shape, for the core process and the browser host. */
export function eventToWire(event: BridgeEvent): WireEvent {
  return typeof event === 'string' ? { kind: event } : { kind: event.type, payload: event.touched };
}

/** What `parseBridgeEvent` reads, from a protocol event: the page checks it as it checks the preload's. */
export function eventFromWire(event: WireEvent): unknown {
  if (event.kind === 'data-changed') return { type: 'data-changed', touched: event.payload };
  return event.payload === undefined ? event.kind : event;
}
