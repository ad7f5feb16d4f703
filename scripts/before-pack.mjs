/**
 * electron-builder's beforePack hook (electron-builder.yml `beforePack`), run once per target
 * platform and CPU type. It builds better-sqlite3 for that target with electron-native.mjs, then
 * refuses to package unless `.electron-native/<os>-<arch>/better_sqlite3.node` really is a binary
 * for that target — so an installer never ships the build machine's copy.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { nativeRefusal, PLATFORM_OF_OS } from './native-target.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** electron-builder's Arch enum (builder-util), by value. */
export const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** The target of one beforePack call: electron-builder's os key and arch name. */
export function packTarget(context) {
  const os = context.packager.platform.buildConfigurationKey;
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  return { os, arch };
}

export default async function beforePack(context, options = {}) {
  const projectRoot = options.root ?? root;
  const { os, arch } = packTarget(context);
  const build =
    options.build ??
    ((platform, a) => {
      execFileSync(
        process.execPath,
        [path.join(projectRoot, 'scripts/electron-native.mjs'), '--for-packaging', '--platform', platform, '--arch', a],
        { cwd: projectRoot, stdio: 'inherit' },
      );
    });
  if (arch !== 'universal' && PLATFORM_OF_OS[os]) {
    try {
      build(PLATFORM_OF_OS[os], arch);
    } catch {
      // electron-native.mjs has said why; the check below turns it into the refusal.
    }
  }
  const refusal = nativeRefusal(projectRoot, os, arch);
  if (refusal) throw new Error(`Claimbench: not packaging ${os}-${arch}. ${refusal}`);
}
