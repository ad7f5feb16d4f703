import { absolutePath } from './absolute-path';
import { z } from 'zod';
import { parseOrThrow } from '../../../shared/validate';

/**
 * What a core process is told at start, through its environment (the same for fork and
 * utilityProcess): where the person's data lives, which workspace to open, and, in the app,
 * better-sqlite3 built for Electron's ABI.
 */
export const CORE_ENV = {
  userDataDir: 'CLAIMBENCH_CORE_USER_DATA',
  workspace: 'CLAIMBENCH_CORE_WORKSPACE',
  nativeBinding: 'CLAIMBENCH_CORE_NATIVE_BINDING',
} as const;


const configSchema = z.object({
  userDataDir: absolutePath,
  workspace: absolutePath.optional(),
  nativeBinding: absolutePath.optional(),
});
export type CoreConfig = z.infer<typeof configSchema>;

export function coreConfigFromEnv(env: NodeJS.ProcessEnv): CoreConfig {
  return parseOrThrow(
    configSchema,
    {
      userDataDir: env[CORE_ENV.userDataDir],
      workspace: env[CORE_ENV.workspace] || undefined,
      nativeBinding: env[CORE_ENV.nativeBinding] || undefined,
    },
    'core configuration',
  );
}

export function coreEnv(config: CoreConfig): Record<string, string> {
  const env: Record<string, string> = { [CORE_ENV.userDataDir]: config.userDataDir };
  if (config.workspace) env[CORE_ENV.workspace] = config.workspace;
  if (config.nativeBinding) env[CORE_ENV.nativeBinding] = config.nativeBinding;
  return env;
}
