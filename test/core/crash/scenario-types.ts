import type { CoreContext } from '../../../electron/core/context';
import type { Workspace } from '../../../electron/core/store/workspace';

/** A workspace `prepare` may leave in the fixtures folder: every fresh crash file starts as a copy of it. */
export const SEED_FILE = 'seed.claimbench';

/** What a worker run knows: the folder `prepare` filled once in the test process, and which run it is. */
export interface RunInfo {
  fixtures: string;
  run: number;
}

/** One kind of work the crash test interrupts. */
export interface CrashScenario {
  /** Share of the crash test's kills this scenario gets. */
  weight: number;
  /** Test process, once: write whatever the worker needs into `fixtures`. */
  prepare?(fixtures: string): Promise<void>;
  /** Worker, before it reports ready: load what the steps need, so kills land in the work itself. */
  warmUp?(info: RunInfo): Promise<void>;
  /** One unit of work; called in a loop until the process is killed. */
  step(ctx: CoreContext, i: number, info: RunInfo): Promise<void>;
  /** After a kill: throw if any operation was applied only in part. */
  verify(ws: Workspace, fixtures: string): void;
  /** Whether the workspace has no work left for the worker: the test then starts a fresh file. */
  exhausted?(ws: Workspace, fixtures: string): boolean;
}
