import type { Command } from 'commander';
import type { CliIO } from './io';

export type RegisterCommands = (program: Command, io: CliIO) => void;

/**
 * Each module of commands, loaded only when one of its commands runs: `claimbench --help` reads
 * the generated index (command-index.generated.ts) and never loads the core.
 */
export const COMMAND_GROUPS = {
  workspace: () => import('./commands/workspace').then((m) => m.registerWorkspaceCommands),
  import: () => import('./commands/import').then((m) => m.registerImportCommands),
  ingest: () => import('./commands/ingest').then((m) => m.registerIngestCommands),
  evidence: () => import('./commands/evidence').then((m) => m.registerEvidenceCommands),
  report: () => import('./commands/report').then((m) => m.registerReportCommands),
  team: () => import('./commands/team').then((m) => m.registerTeamCommands),
  sessions: () => import('./commands/sessions').then((m) => m.registerSessionCommands),
  library: () => import('./commands/library').then((m) => m.registerLibraryCommands),
  match: () => import('./commands/library').then((m) => m.registerMatchCommand),
} satisfies Record<string, () => Promise<RegisterCommands>>;

export type CommandGroup = keyof typeof COMMAND_GROUPS;

export const COMMAND_GROUP_NAMES = Object.keys(COMMAND_GROUPS) as CommandGroup[];
