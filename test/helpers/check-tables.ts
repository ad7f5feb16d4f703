/**
 * Core-test setup: every workspace a test opens and writes to must end the test with tables that
 * equal a replay of its change log. Workspaces are tracked as they open; each whose log grew is
 * checked when it closes and, while it stays open, after every test. A test that corrupts tables on purpose opts out with
 * `skipTablesCheck(workspace)`.
 */
import { afterAll, afterEach } from 'vitest';
import { Workspace } from '../../electron/core/store/workspace';
import { assertTablesMatchLog } from './tables-match-log';

const open = Workspace.open.bind(Workspace);
const tracked = new Map<Workspace, number>();
const failures: string[] = [];

function changeCount(ws: Workspace): number {
  return ws.db.prepare('SELECT count(*) FROM changes').pluck().get() as number;
}

Workspace.open = (...args: Parameters<typeof Workspace.open>): Workspace => {
  const ws = open(...args);
  if (!ws.readOnly) tracked.set(ws, changeCount(ws));
  return ws;
};

/** Check `ws` if its log grew since it was last checked; keep tracking it when it stays open. */
function check(ws: Workspace, keep: boolean): void {
  const before = tracked.get(ws);
  tracked.delete(ws);
  if (before === undefined || !ws.db.open) return;
  const now = changeCount(ws);
  if (keep) tracked.set(ws, now);
  if (now === before) return;
  try {
    assertTablesMatchLog(ws, open);
  } catch (e) {
    failures.push(e instanceof Error ? e.message : String(e));
  }
}

const close = Workspace.prototype.close;
Workspace.prototype.close = function (this: Workspace) {
  check(this, false);
  close.call(this);
};

export function skipTablesCheck(ws: Workspace): void {
  tracked.delete(ws);
}

function report(): void {
  if (failures.length === 0) return;
  const found = failures.splice(0);
  throw new Error(`The tables do not match a replay of the change log:\n${found.join('\n')}`);
}

afterEach(() => {
  for (const ws of [...tracked.keys()]) check(ws, true);
  report();
});

afterAll(() => {
  for (const ws of [...tracked.keys()]) check(ws, true);
  report();
});
