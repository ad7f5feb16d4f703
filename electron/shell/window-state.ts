import { z } from 'zod';
import { readJsonFile, writeJsonFileAtomic } from './json-file';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent on first launch: the OS centres the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };
export const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const;
/** How much of the title bar must be on a display for the window to count as reachable. */
const MIN_VISIBLE = 64;

const int = z.number().int().min(-100_000).max(100_000);
const windowStateSchema = z.object({
  x: int.optional(),
  y: int.optional(),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean().default(false),
});

function overlap(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.min(a.x + a.width, b.x + b.width) - x, height: Math.min(a.y + a.height, b.y + b.height) - y };
}

/**
 * Fit remembered bounds to the displays connected now: never larger than the work area of the
 * display it mostly sits on, and moved back if a monitor was unplugged and the title bar would
 * be out of reach. With no display information the size is kept and the position dropped.
 */
export function clampToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const width = Math.max(MIN_WINDOW_SIZE.width, state.width);
  const height = Math.max(MIN_WINDOW_SIZE.height, state.height);
  const primary = workAreas[0];
  if (!primary) return { width, height, maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) {
    return { width: Math.min(width, primary.width), height: Math.min(height, primary.height), maximized: state.maximized };
  }
  const bounds = { x: state.x, y: state.y, width, height };
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(MIN_VISIBLE, bounds.height) };
  const best = workAreas
    .map((area) => ({ area, visible: overlap(titleBar, area) }))
    .filter(({ visible }) => visible.width >= MIN_VISIBLE && visible.height > 0)
    .sort((a, b) => b.visible.width * b.visible.height - a.visible.width * a.visible.height)[0];
  const area = best?.area ?? primary;
  const fittedWidth = Math.min(width, area.width);
  const fittedHeight = Math.min(height, area.height);
  if (!best) {
    // Off every display: centre it on the primary one.
    return {
      x: area.x + Math.round((area.width - fittedWidth) / 2),
      y: area.y + Math.round((area.height - fittedHeight) / 2),
      width: fittedWidth,
      height: fittedHeight,
      maximized: state.maximized,
    };
  }
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - fittedWidth);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - fittedHeight);
  return { x, y, width: fittedWidth, height: fittedHeight, maximized: state.maximized };
}

export function loadWindowState(file: string, workAreas: readonly Rect[]): WindowState {
  const stored = readJsonFile(file, windowStateSchema) ?? DEFAULT_WINDOW_STATE;
  return clampToDisplays(stored, workAreas);
}

export function saveWindowState(file: string, state: WindowState): void {
  const rounded = {
    ...(state.x === undefined ? {} : { x: Math.round(state.x) }),
    ...(state.y === undefined ? {} : { y: Math.round(state.y) }),
    width: Math.round(state.width),
    height: Math.round(state.height),
    maximized: state.maximized,
  };
  writeJsonFileAtomic(file, rounded);
}
