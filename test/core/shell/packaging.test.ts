import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Configuration, FileSet } from 'electron-builder';
import { MainConfigFactory } from 'electron-vite';
import { build, type InlineConfig } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import electronViteConfig from '../../../electron.vite.config';
import { COMMAND_INDEX } from '../../../electron/cli/command-index.generated';
import { APP_USER_MODEL_ID } from '../../../electron/shell/app-identity';
import {
  checkoutNativeDir,
  NATIVE_DIR,
  NATIVE_FILE,
  nativeBindingPath,
  PACKAGED_NATIVE_DIR,
  storeLoadFailureMessage,
} from '../../../electron/shell/native-binding';
import beforePack, { ARCH_NAMES, packTarget } from '../../../scripts/before-pack.mjs';
import { binaryTarget, buildPlan, nativeBinaryPath, nativeRefusal, osOfPlatform } from '../../../scripts/native-target.mjs';
import { tempDir } from '../../helpers/workspace';
import { BUILT_ARTICLES } from '../../helpers/built-articles';
import { buildDocx, printablePage, printPdfs } from '../../helpers/built-docs';

const root = path.resolve(import.meta.dirname, '../../..');

interface BuilderConfigApi {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, debugLogger: unknown): Promise<void>;
}

/** electron-builder's own loader and schema validator, so the test reads the file as `npm run dist` does. */
function builderInternals(): { config: BuilderConfigApi; DebugLogger: new (enabled: boolean) => unknown } {
  const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
  const fromLib = createRequire(fromBuilder.resolve('app-builder-lib'));
  return {
    config: fromBuilder('app-builder-lib/out/util/config/config.js') as BuilderConfigApi,
    DebugLogger: (fromLib('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }).DebugLogger,
  };
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder.yml', async () => {
  const { config: api, DebugLogger } = builderInternals();
  const config = await api.getConfig(root, path.join(root, 'electron-builder.yml'), null);

  it('passes electron-builder schema validation', async () => {
    // validateConfiguration normalises the object it is given, so it gets its own copy.
    await expect(api.validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.appId).toBe('org.claimbench.app');
    // The taskbar and jump list belong to the installed shortcut only if the ids match.
    expect(config.appId).toBe(APP_USER_MODEL_ID);
    expect(config.productName).toBe('Claimbench');
  });

  it('ships the built app and the Electron build of better-sqlite3, never the Node one', () => {
    // The loader normalises `files` into FileSets; flatten back to the patterns.
    const patterns = [config.files].flat().flatMap((f) => (typeof f === 'string' ? [f] : [f?.filter ?? []].flat()));
    expect(patterns).toEqual(
      expect.arrayContaining([
        'out/**/*',
        'package.json',
        '!node_modules/better-sqlite3/{deps,src,build}/**',
        '!node_modules/{tsx,esbuild,@esbuild}/**',
      ]),
    );
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.npmRebuild).toBe(false);
    // One binary per target: electron-builder expands ${os} and ${arch} for each package it makes.
    const native = (config.extraResources as FileSet[]).find((r) => r.to?.endsWith(NATIVE_FILE));
    expect(native).toEqual({ from: `${NATIVE_DIR}/\${os}-\${arch}/${NATIVE_FILE}`, to: `${PACKAGED_NATIVE_DIR}/${NATIVE_FILE}` });
    expect(config.beforePack).toBe('./scripts/before-pack.mjs');
  });

  it('electron-builder loads the beforePack hook the way it will during dist', async () => {
    const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
    const { resolveFunction } = fromBuilder('app-builder-lib/out/util/resolve.js') as {
      resolveFunction(type: undefined, executor: string, name: string, root: string): Promise<unknown>;
    };
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const hook = (await resolveFunction(undefined, config.beforePack as string, 'beforePack', root)) as typeof beforePack;
      expect(typeof hook).toBe('function');
      // The loaded hook is ours: it refuses a universal mac build before building anything.
      await expect(hook({ arch: 4, packager: { platform: { buildConfigurationKey: 'mac' } } })).rejects.toThrow(
        /not packaging mac-universal/,
      );
    } finally {
      process.chdir(cwd);
    }
  });

  it('flips the Electron fuses: no run-as-node, no inspect flags, only the integrity-checked app.asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('targets AppImage + deb, NSIS and dmg', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    // The deb links /usr/bin/claimbench to the binary, which is also the command line (electron/app-entry.ts).
    expect(config.linux?.executableName).toBe('claimbench');
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });

  it('associates .claimbench files, with a mime type and an icon for every platform', () => {
    const associations = [config.fileAssociations].flat();
    expect(associations).toHaveLength(1);
    const assoc = associations[0]!;
    expect(assoc).toMatchObject({ ext: 'claimbench', mimeType: 'application/x-claimbench', role: 'Editor' });
    expect(config.linux?.mimeTypes).toContain(assoc.mimeType);
    const icon = path.join(root, 'build', assoc.icon!);
    for (const ext of ['.png', '.ico', '.icns']) expect(fs.existsSync(`${icon}${ext}`), `${icon}${ext}`).toBe(true);
  });

  it('has app icons at 512 and 256 pixels, and .ico/.icns that hold PNGs', () => {
    expect(pngSize(path.join(root, 'build/icon.png'))).toEqual({ width: 512, height: 512 });
    expect(pngSize(path.join(root, 'build/icons/512x512.png'))).toEqual({ width: 512, height: 512 });
    expect(pngSize(path.join(root, 'build/icons/256x256.png'))).toEqual({ width: 256, height: 256 });

    const ico = fs.readFileSync(path.join(root, config.win!.icon!));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const largest = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + 16 * i)).includes(0);
    expect(largest).toBe(true); // 0 means 256 px

    const icns = fs.readFileSync(path.join(root, config.mac!.icon!));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.includes(Buffer.from('ic09'))).toBe(true);
  });

  it('builds the Electron copy of better-sqlite3 before start, and per target while packaging', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.prestart).toBe('node scripts/electron-native.mjs');
    // No host-only build before dist: the beforePack hook builds each target's own binary.
    expect(pkg.scripts.predist).toBeUndefined();
    expect(fs.readFileSync(path.join(root, '.gitignore'), 'utf8')).toContain(`${NATIVE_DIR}/`);
  });
});

/** A minimal native library header for one system, enough for binaryTarget to read. */
function fakeLibrary(os: 'linux' | 'win' | 'mac', arch: 'x64' | 'arm64'): Buffer {
  const bytes = Buffer.alloc(256);
  if (os === 'linux') {
    bytes.writeUInt32BE(0x7f454c46, 0);
    bytes[5] = 1;
    bytes.writeUInt16LE(arch === 'x64' ? 0x3e : 0xb7, 18);
  } else if (os === 'win') {
    bytes.writeUInt16LE(0x5a4d, 0);
    bytes.writeUInt32LE(0x80, 0x3c);
    bytes.writeUInt32LE(0x00004550, 0x80);
    bytes.writeUInt16LE(arch === 'x64' ? 0x8664 : 0xaa64, 0x84);
  } else {
    bytes.writeUInt32LE(0xfeedfacf, 0);
    bytes.writeUInt32LE(arch === 'x64' ? 0x01000007 : 0x0100000c, 4);
  }
  return bytes;
}

describe('one better-sqlite3 per installer target', () => {
  it('reads the target system from a real native library and from each header shape', () => {
    const nodeBuild = path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(binaryTarget(fs.readFileSync(nodeBuild))).toEqual({ os: osOfPlatform(process.platform), arch: process.arch });
    for (const os of ['linux', 'win', 'mac'] as const) {
      for (const arch of ['x64', 'arm64'] as const) expect(binaryTarget(fakeLibrary(os, arch))).toEqual({ os, arch });
    }
    expect(binaryTarget(Buffer.from('#!/bin/sh\n'))).toBeUndefined();
    expect(binaryTarget(Buffer.alloc(0))).toBeUndefined();
  });

  it('the app looks for the build of the platform and CPU it runs on', () => {
    expect(checkoutNativeDir('win32', 'arm64')).toBe(path.join(NATIVE_DIR, 'win-arm64'));
    expect(checkoutNativeDir('darwin', 'x64')).toBe(path.join(NATIVE_DIR, 'mac-x64'));
    const seen: string[] = [];
    const place = { isPackaged: false, resourcesPath: '/r', appPath: '/app', platform: 'linux' as const, arch: 'arm64' };
    nativeBindingPath(place, (f) => (seen.push(f), false));
    expect(seen).toEqual([path.join('/app', NATIVE_DIR, 'linux-arm64', NATIVE_FILE)]);
    expect(nativeBindingPath({ ...place, isPackaged: true }, () => true)).toBe(path.join('/r', PACKAGED_NATIVE_DIR, NATIVE_FILE));
    // The same folder names on both sides.
    expect(nativeBinaryPath('/app', 'linux', 'arm64')).toBe(path.join('/app', NATIVE_DIR, 'linux-arm64', NATIVE_FILE));
  });

  it('refuses a target whose binary is missing, for another system or CPU, or universal', () => {
    const project = tempDir('claimbench-pack-');
    const put = (dirOs: string, dirArch: string, bytes: Buffer) => {
      const file = nativeBinaryPath(project, dirOs, dirArch);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes);
    };
    expect(nativeRefusal(project, 'win', 'x64')).toMatch(
      /No better-sqlite3 built for Electron on win-x64 .*Run `node scripts\/electron-native\.mjs --for-packaging --platform win32 --arch x64`/,
    );
    // The build machine's binary copied where the Windows one belongs: refused.
    put('win', 'x64', fakeLibrary('linux', 'x64'));
    expect(nativeRefusal(project, 'win', 'x64')).toMatch(/was built for linux-x64, not win-x64/);
    put('win', 'x64', fakeLibrary('win', 'x64'));
    expect(nativeRefusal(project, 'win', 'x64')).toBeUndefined();
    put('mac', 'arm64', fakeLibrary('mac', 'x64'));
    expect(nativeRefusal(project, 'mac', 'arm64')).toMatch(/built for mac-x64, not mac-arm64/);
    expect(nativeRefusal(project, 'mac', 'universal')).toMatch(/cannot package a mac-universal build/);
  });

  it('compiles from source only for the host; other targets take a prebuilt binary or fail', () => {
    const host = { platform: 'linux', arch: 'x64' };
    expect(buildPlan(host, host)).toEqual({ mayCompile: true, mayLoadToVerify: true });
    expect(buildPlan({ platform: 'win32', arch: 'x64' }, host)).toEqual({ mayCompile: false, mayLoadToVerify: false });
    expect(buildPlan({ platform: 'linux', arch: 'arm64' }, host)).toEqual({ mayCompile: false, mayLoadToVerify: false });
  });

  it('the beforePack hook builds for the target electron-builder is packing, then refuses a wrong binary', async () => {
    const project = tempDir('claimbench-hook-');
    const context = (key: string, arch: string) => ({
      arch: ARCH_NAMES.indexOf(arch),
      packager: { platform: { buildConfigurationKey: key } },
    });
    expect(packTarget(context('win', 'arm64'))).toEqual({ os: 'win', arch: 'arm64' });
    expect(ARCH_NAMES).toEqual(['ia32', 'x64', 'armv7l', 'arm64', 'universal']); // builder-util's Arch enum
    const builds: string[] = [];

    // A build that produces the right binary: packaging goes ahead.
    await expect(
      beforePack(context('win', 'x64'), {
        root: project,
        build: (platform, arch) => {
          builds.push(`${platform}-${arch}`);
          const file = nativeBinaryPath(project, 'win', 'x64');
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, fakeLibrary('win', 'x64'));
        },
      }),
    ).resolves.toBeUndefined();
    expect(builds).toEqual(['win32-x64']);

    // No prebuilt for the target (the build fails): the installer is not made.
    await expect(
      beforePack(context('linux', 'arm64'), {
        root: project,
        build: () => {
          throw new Error('no prebuilt binary');
        },
      }),
    ).rejects.toThrow(/not packaging linux-arm64\. No better-sqlite3 built for Electron on linux-arm64/);
    await expect(beforePack(context('mac', 'universal'), { root: project, build: () => builds.push('x') })).rejects.toThrow(
      /mac-universal/,
    );
    expect(builds).toEqual(['win32-x64']);
  });

  it('words the start-up failure for an installed app, not for a developer', () => {
    const error = 'The module was compiled against a different Node.js version using NODE_MODULE_VERSION 127.';
    const installed = storeLoadFailureMessage(error, { isPackaged: true, platform: 'win32', arch: 'arm64' });
    expect(installed).toContain('built for a different kind of computer than this one (win32, arm64)');
    expect(installed).not.toContain('npm');
    expect(storeLoadFailureMessage(error, { isPackaged: false, platform: 'linux', arch: 'x64' })).toContain('run `npm start`');
    expect(storeLoadFailureMessage('disk full', { isPackaged: true, platform: 'linux', arch: 'x64' })).toBe(
      'The workspace store could not be opened.\n\ndisk full',
    );
  });
});

/**
 * Build the main process exactly as `electron-vite build` does, into a scratch folder inside the
 * project (so bare imports resolve against node_modules the way they do inside the packaged app).
 */
async function buildMain(): Promise<string> {
  const cache = path.join(root, 'node_modules/.cache');
  fs.mkdirSync(cache, { recursive: true });
  const outDir = fs.mkdtempSync(path.join(cache, 'claimbench-main-'));
  const main = structuredClone((electronViteConfig as { main?: { build?: object } }).main ?? {});
  const factory = new MainConfigFactory(
    { ...main, build: { ...main.build, outDir } },
    { logLevel: 'silent', mode: 'production' },
    { root },
  );
  await build({ ...(await factory.build()), configFile: false } as InlineConfig);
  return outDir;
}

/** Module specifiers the bundle imports (the bundler writes them in double quotes; code in strings uses single). */
function bareImports(code: string): string[] {
  const found = new Set<string>();
  // (Not the word inside a string: `next.lower === "from" && …`.)
  for (const m of code.matchAll(/(?:(?<!["'])\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)"([^"./][^"]*)"/gm))
    found.add(m[1]!);
  return [...found].sort();
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

describe('the built main process', async () => {
  const outDir = await buildMain();
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

  it('emits the workers beside every chunk, where worker-pool.ts and share-reader.ts look for them', () => {
    for (const entry of ['index.js', 'cli.js', 'core.js', 'browser-host.js', 'parse-worker.js', 'share-read-worker.js']) {
      expect(fs.existsSync(path.join(outDir, entry)), entry).toBe(true);
    }
    const entries = fs.readdirSync(outDir, { withFileTypes: true });
    expect(entries.filter((e) => e.isDirectory()).map((e) => e.name)).toEqual([]);
    const chunks = entries.filter((e) => e.name.endsWith('.js')).map((e) => fs.readFileSync(path.join(outDir, e.name), 'utf8'));
    expect(chunks.some((code) => code.includes('"./parse-worker.js"'))).toBe(true);
    expect(chunks.some((code) => code.includes('"./share-read-worker.js"'))).toBe(true);
  });

  it('needs at run time only Node built-ins, electron and production dependencies; never tsx', () => {
    const files = fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    const needed = new Set(files.flatMap((f) => bareImports(fs.readFileSync(path.join(outDir, f), 'utf8'))).map(packageName));
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    // playwright-core: only the CLI's PDF printer imports it (dynamically, with a clear error when absent).
    const unexpected = [...needed].filter(
      (n) => !builtins.has(n) && n !== 'electron' && n !== 'playwright-core' && !(n in pkg.dependencies),
    );
    expect(unexpected).toEqual([]);
    expect(needed.has('better-sqlite3')).toBe(true);
    // tsx appears only in the dev-time branch of worker-pool.ts (sources ending in .ts), never as an import.
    expect(needed.has('tsx')).toBe(false);
  });

  it('the built command line lists every command, imports a document and lists its claims in plain Node, without tsx', () => {
    const cli = path.join(outDir, 'cli.js');
    const run = (args: string[]) =>
      spawnSync(process.execPath, [cli, ...args], {
        encoding: 'utf8',
        env: { ...process.env, CLAIMBENCH_AUTHOR: 'Bundle Tester', CLAIMBENCH_PROFILE: profile },
      });
    const profile = tempDir('claimbench-cli-profile-');
    const help = run(['--help']);
    expect(help.status).toBe(0);
    for (const c of COMMAND_INDEX) expect(help.stdout).toContain(c.term);
    const dir = tempDir('claimbench-cli-bundle-');
    const workspace = path.join(dir, 'w.claimbench');
    const article = BUILT_ARTICLES[0]!;
    fs.writeFileSync(path.join(dir, 'article.txt'), article.text);
    expect(run(['init', workspace]).status).toBe(0);
    const imported = run(['import', workspace, path.join(dir, 'article.txt')]);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    const claims = run(['claims', workspace, '--json']);
    expect(claims.status).toBe(0);
    const listed = JSON.parse(claims.stdout) as { text: string }[];
    expect(listed.length).toBeGreaterThan(2);
    expect(article.sentences).toEqual(expect.arrayContaining(listed.map((c) => c.text)));
  });

  it('the built worker parses a docx and a PDF in plain Node, without tsx', async () => {
    const worker = new Worker(new URL(`file://${path.join(outDir, 'parse-worker.js')}`));
    try {
      const parse = (id: number, name: string, bytes: Uint8Array) =>
        new Promise<{ type: string; result?: { document?: { text?: string } } }>((resolve, reject) => {
          const onMessage = (m: { id: number; type: string; result?: { document?: { text?: string } } }) => {
            if (m.id !== id || m.type === 'progress') return;
            worker.off('message', onMessage);
            resolve(m);
          };
          worker.on('message', onMessage);
          worker.once('error', reject);
          worker.postMessage({ id, name, bytes });
        });
      const article = BUILT_ARTICLES[0]!;
      const docx = await parse(1, 'article.docx', await buildDocx(article.text.split('\n\n')));
      expect(docx.type).toBe('done');
      expect(docx.result?.document?.text?.trim().length).toBeGreaterThan(0);
      const [printed] = await printPdfs([printablePage(article.title, article.text.split('\n\n'))]);
      const pdf = await parse(2, 'article.pdf', printed!);
      expect(pdf.type).toBe('done');
      expect(pdf.result?.document?.text?.length).toBeGreaterThan(100);
    } finally {
      await worker.terminate();
    }
  });
});
