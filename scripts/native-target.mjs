/**
 * Which better-sqlite3 binary goes into which installer. One Electron-ABI build per target lives in
 * `.electron-native/<os>-<arch>/better_sqlite3.node` (os as electron-builder names it: mac, win,
 * linux), electron-builder.yml copies `.electron-native/${os}-${arch}/…` into each package, and the
 * beforePack hook (scripts/before-pack.mjs) refuses a target whose binary is missing or was built
 * for another system. Plain functions so test/core/shell/packaging.test.ts can check them.
 */
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';

export const NATIVE_DIR = '.electron-native';
export const NATIVE_FILE = 'better_sqlite3.node';

/** Node's process.platform → electron-builder's os key (the `${os}` macro). */
export const OS_OF_PLATFORM = { darwin: 'mac', win32: 'win', linux: 'linux' };
export const PLATFORM_OF_OS = { mac: 'darwin', win: 'win32', linux: 'linux' };
export const SUPPORTED_ARCHS = ['x64', 'arm64', 'ia32', 'armv7l'];

export function osOfPlatform(platform) {
  const os = OS_OF_PLATFORM[platform];
  if (!os) throw new Error(`Claimbench has no installer for the platform "${platform}".`);
  return os;
}

export function targetKey(os, arch) {
  return `${os}-${arch}`;
}

/** Where the Electron build for one target lives, relative to the project root. */
export function nativeBinaryPath(root, os, arch) {
  return path.join(root, NATIVE_DIR, targetKey(os, arch), NATIVE_FILE);
}

const ELF_MACHINES = { 0x3e: 'x64', 0xb7: 'arm64', 0x03: 'ia32', 0x28: 'armv7l' };
const PE_MACHINES = { 0x8664: 'x64', 0xaa64: 'arm64', 0x014c: 'ia32', 0x01c4: 'armv7l' };
const MACHO_CPUS = { 0x01000007: 'x64', 0x0100000c: 'arm64', 0x07: 'ia32', 0x0c: 'armv7l' };

/**
 * The system a native library was compiled for, read from its header: ELF (Linux), PE (Windows)
 * or Mach-O (macOS, thin or fat). Returns { os, arch } or undefined for anything else.
 */
export function binaryTarget(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 20 && buf.readUInt32BE(0) === 0x7f454c46) {
    const little = buf[5] === 1;
    const machine = little ? buf.readUInt16LE(18) : buf.readUInt16BE(18);
    const arch = ELF_MACHINES[machine];
    return arch ? { os: 'linux', arch } : undefined;
  }
  if (buf.length >= 0x40 && buf.readUInt16LE(0) === 0x5a4d) {
    const pe = buf.readUInt32LE(0x3c);
    if (pe + 6 > buf.length || buf.readUInt32LE(pe) !== 0x00004550) return undefined;
    const arch = PE_MACHINES[buf.readUInt16LE(pe + 4)];
    return arch ? { os: 'win', arch } : undefined;
  }
  if (buf.length >= 8 && buf.readUInt32LE(0) === 0xfeedfacf) {
    const arch = MACHO_CPUS[buf.readUInt32LE(4)];
    return arch ? { os: 'mac', arch } : undefined;
  }
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xcafebabe) {
    // A fat (universal) Mach-O: several architectures in one file.
    return { os: 'mac', arch: 'universal' };
  }
  return undefined;
}

/**
 * May `npm run dist` package this target? Returns a refusal message, or undefined when the right
 * binary is in place. The message says what to run, so the person can fix it before packaging.
 */
export function nativeRefusal(root, os, arch, readFile = fs.readFileSync) {
  const build = `node scripts/electron-native.mjs --for-packaging --platform ${PLATFORM_OF_OS[os] ?? os} --arch ${arch}`;
  if (!(os in PLATFORM_OF_OS)) return `Claimbench has no installer for "${os}".`;
  if (!SUPPORTED_ARCHS.includes(arch)) {
    return `Claimbench cannot package a ${targetKey(os, arch)} build: better-sqlite3 is built one architecture at a time. Package x64 and arm64 separately.`;
  }
  const file = nativeBinaryPath(root, os, arch);
  let bytes;
  try {
    bytes = readFile(file);
  } catch {
    return `No better-sqlite3 built for Electron on ${targetKey(os, arch)} (${path.relative(root, file)} is missing). Run \`${build}\` first; it needs a prebuilt binary for that target, or a ${targetKey(os, arch)} machine to compile on.`;
  }
  const found = binaryTarget(bytes);
  if (!found || found.os !== os || found.arch !== arch) {
    const what = found ? targetKey(found.os, found.arch) : 'an unknown system';
    return `${path.relative(root, file)} was built for ${what}, not ${targetKey(os, arch)}. Run \`${build}\` again.`;
  }
  return undefined;
}

/**
 * How electron-native.mjs may produce a target's binary: a host build may fall back to compiling
 * with node-gyp; another system or CPU only takes a prebuilt binary (node-gyp cannot cross-compile
 * better-sqlite3 without that system's toolchain), and is never test-loaded.
 */
export function buildPlan(target, host) {
  const native = target.platform === host.platform && target.arch === host.arch;
  return { mayCompile: native, mayLoadToVerify: native };
}
