#!/usr/bin/env node
/**
 * Build better-sqlite3 for Electron's ABI into .electron-native/<os>-<arch>/better_sqlite3.node,
 * leaving node_modules/better-sqlite3 (built for plain Node, used by the tests) untouched. The app's
 * main process passes that file to better-sqlite3 as `nativeBinding`; each installer ships the
 * one for its own target (electron-builder.yml, scripts/before-pack.mjs). Skips when the copy is
 * already built for the installed Electron.
 *
 *   node scripts/electron-native.mjs                 (prestart/predev: the host; skip if Electron's binary is absent)
 *   node scripts/electron-native.mjs --for-packaging [--platform win32] [--arch arm64]
 *                                                    (the beforePack hook: always build, fail loudly)
 *
 * Another system or CPU type only gets a prebuilt binary (prebuild-install); when none exists the
 * build fails rather than ship the host's binary (see buildPlan in native-target.mjs).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { buildPlan, nativeBinaryPath, NATIVE_DIR, osOfPlatform, targetKey } from './native-target.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const forPackaging = process.argv.includes('--for-packaging');
const argValue = (name) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const log = (msg) => process.stdout.write(`[electron-native] ${msg}\n`);

function packageJson(name) {
  return JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8'));
}

function electronBinary() {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return undefined;
  const bin = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(bin) ? bin : undefined;
}

function run(cmd, args, cwd) {
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, npm_config_build_from_source: '' } });
}

const electronVersion = packageJson('electron').version;
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = packageJson('better-sqlite3').version;
const platform = argValue('--platform') || process.env.npm_config_platform || process.platform;
const arch = argValue('--arch') || process.env.npm_config_arch || process.arch;
const target = targetKey(osOfPlatform(platform), arch);
const plan = buildPlan({ platform, arch }, { platform: process.platform, arch: process.arch });
const outFile = nativeBinaryPath(root, osOfPlatform(platform), arch);
const outDir = path.dirname(outFile);
const stampFile = path.join(outDir, 'stamp.json');
const stamp = { electron: electronVersion, betterSqlite3: sqliteVersion, platform, arch };

const current = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : '';
if (fs.existsSync(outFile) && current === JSON.stringify(stamp)) {
  log(`better-sqlite3 ${sqliteVersion} already built for Electron ${electronVersion} (${target}).`);
  process.exit(0);
}

const binary = electronBinary();
if (!binary && !forPackaging) {
  // npm start on a machine without the Electron download: the browser host runs instead.
  log('Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): skipping the Electron build of better-sqlite3.');
  process.exit(0);
}

// Build in a scratch copy of the package so node_modules keeps its Node build.
const work = path.join(root, NATIVE_DIR, `build-${target}-${electronVersion}`);
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
for (const entry of ['package.json', 'binding.gyp', 'lib', 'src', 'deps']) {
  fs.cpSync(path.join(sqliteDir, entry), path.join(work, entry), { recursive: true });
}

try {
  try {
    log(`fetching a prebuilt better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${target})…`);
    run(
      process.execPath,
      [
        require.resolve('prebuild-install/bin.js'),
        '--runtime',
        'electron',
        '--target',
        electronVersion,
        '--arch',
        arch,
        '--platform',
        platform,
      ],
      work,
    );
  } catch {
    if (!plan.mayCompile) {
      throw new Error(
        `no prebuilt binary for ${target}, and it cannot be compiled on ${osOfPlatform(process.platform)}-${process.arch}: build this installer on a ${target} machine`,
      );
    }
    log('no prebuilt binary; compiling from source with node-gyp…');
    run(
      process.execPath,
      [
        require.resolve('node-gyp/bin/node-gyp.js'),
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      work,
    );
  }
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(built)) throw new Error(`no ${path.relative(root, built)} after the build`);
  if (binary && plan.mayLoadToVerify) {
    // Prove the copy loads in Electron's own Node before recording it as good.
    execFileSync(binary, ['-e', `require(${JSON.stringify(built)})`], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: 'inherit',
    });
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(built, `${outFile}.tmp`);
  fs.renameSync(`${outFile}.tmp`, outFile);
  fs.writeFileSync(stampFile, JSON.stringify(stamp));
  log(`built ${path.relative(root, outFile)} for Electron ${electronVersion} (${target}).`);
} catch (e) {
  process.stderr.write(
    `[electron-native] could not build better-sqlite3 for Electron ${electronVersion}: ${e instanceof Error ? e.message : e}\n`,
  );
  process.exitCode = 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
