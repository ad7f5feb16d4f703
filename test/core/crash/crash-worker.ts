/**
 * Child process for the crash-safety test: opens a workspace and writes through the core as fast as
 * it can until the parent kills it with SIGKILL. Prints "ready" once the workspace is open.
 * Arguments: workspace file, scenario name, fixtures folder, run number.
 */
import { parseInline } from '../../../electron/core/ingest/worker-pool';
import { readSharesInline } from '../../../electron/core/team/share-reader';
import { FixedIdentityStore } from '../../../electron/core/identity/identity';
import { Workspace } from '../../../electron/core/store/workspace';
import { crashScenarios, type CrashMode } from './scenarios';
import type { CrashScenario } from './scenario-types';

const [file, mode, fixtures, run] = process.argv.slice(2) as [string, CrashMode, string, string];
const info = { fixtures, run: Number(run) };
const scenario: CrashScenario = crashScenarios[mode];
const parent = process.ppid;
// Parse in this process: the kill must be able to land anywhere in an import, parsing included.
parseInline(true);
readSharesInline(true);
await scenario.warmUp?.(info);
const identity = new FixedIdentityStore('Crash Tester');
const workspace = Workspace.open(file, () => ({ actorId: identity.get().actorId, author: 'Crash Tester' }), { create: true });
const ctx = { workspace, identity };
process.stdout.write('ready\n');

for (let i = 0; ; i++) {
  // Never outlive a test runner that died itself: the loop rarely yields, so no event can tell us.
  if (process.ppid !== parent) process.exit(0);
  await scenario.step(ctx, i, info);
}
