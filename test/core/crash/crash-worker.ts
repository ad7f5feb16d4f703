/**
 * Child process for the crash-safety test: opens a workspace and writes through the core as fast as
 * it can until the parent kills it with SIGKILL. Prints "ready" once the workspace is open.
 */
import { call } from '../../../electron/core/dispatch';
import { FixedIdentityStore } from '../../../electron/core/session/identity';
import { Workspace } from '../../../electron/core/store/workspace';
import { crashScenarios, type CrashMode } from './scenarios';

const [file, mode] = process.argv.slice(2) as [string, CrashMode];
const identity = new FixedIdentityStore('Crash Tester');
const workspace = Workspace.open(file, () => ({ actorId: identity.get().actorId, author: 'Crash Tester' }), { create: true });
const ctx = { workspace, identity };
process.stdout.write('ready\n');

const scenario = crashScenarios[mode];
for (let i = 0; ; i++) await scenario.step(ctx, i, call);
