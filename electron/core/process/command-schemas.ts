/**
 * Commands only the host (the Electron shell) sends its core: the File menu's workspace switching,
 * copies, backups and the recent list. They travel as `command` messages (shared/protocol.ts), a
 * type no renderer or browser page can send: the renderer's IPC and the page's WebSocket carry only
 * operation `request`s. Each command's input is checked with its schema in the core.
 */
import { absolutePath } from './absolute-path';
import { z } from 'zod';


const none = z.object({}).strict();

export const coreCommandSchemas = {
  /** The window title, the open workspace and the recent list, for the title bar and the menu. */
  state: none,
  open: z.object({ file: absolutePath }).strict(),
  create: z.object({ file: absolutePath }).strict(),
  saveCopy: z.object({ target: absolutePath }).strict(),
  clearRecent: none,
  forgetRecent: z.object({ file: absolutePath }).strict(),
  listBackups: none,
  latestGoodBackup: z.object({ file: absolutePath }).strict(),
  restore: z.object({ file: absolutePath, backup: absolutePath }).strict(),
  /** Close the workspace cleanly (last backup, running sessions paused); the host then ends the process. */
  close: none,
} as const;

export type CoreCommand = keyof typeof coreCommandSchemas;
export type CoreCommandInput<C extends CoreCommand> = z.input<(typeof coreCommandSchemas)[C]>;
export const CORE_COMMANDS = Object.keys(coreCommandSchemas) as CoreCommand[];

export function isCoreCommand(name: string): name is CoreCommand {
  return Object.hasOwn(coreCommandSchemas, name);
}

/** What the shell shows of the core: the reply to `state`, and to every command that switches workspace. */
export const coreStateSchema = z
  .object({
    title: z.string().max(1_000),
    workspace: z
      .object({ path: z.string().max(4_096), name: z.string().max(1_000) })
      .strict()
      .nullable(),
    recent: z.array(z.string().max(4_096)).max(100),
  })
  .strict();
export type CoreState = z.infer<typeof coreStateSchema>;

export const backupInfoSchema = z
  .object({ path: z.string(), name: z.string(), reason: z.string(), createdAt: z.string(), size: z.number() })
  .strict();
