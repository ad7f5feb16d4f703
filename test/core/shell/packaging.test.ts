import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Configuration, FileSet } from 'electron-builder';
import { MainConfigFactory } from 'electron-vite';
import { build, type InlineConfig } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import electronViteConfig from '../../../electron.vite.config';
import { NATIVE_DIR, NATIVE_FILE, PACKAGED_NATIVE_DIR } from '../../../electron/shell/native-binding';

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
    const native = (config.extraResources as FileSet[]).find((r) => r.to?.endsWith(NATIVE_FILE));
    expect(native).toEqual({ from: `${NATIVE_DIR}/${NATIVE_FILE}`, to: `${PACKAGED_NATIVE_DIR}/${NATIVE_FILE}` });
  });

  it('targets AppImage + deb, NSIS and dmg', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
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

  it('builds the Electron copy of better-sqlite3 before start and dist', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.prestart).toBe('node scripts/electron-native.mjs');
    expect(pkg.scripts.predist).toBe('node scripts/electron-native.mjs --for-packaging');
    expect(fs.readFileSync(path.join(root, '.gitignore'), 'utf8')).toContain(`${NATIVE_DIR}/`);
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
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)"([^"./][^"]*)"/gm)) found.add(m[1]!);
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

  it('emits the parse worker beside the main bundle, where worker-pool.ts looks for it', () => {
    expect(fs.existsSync(path.join(outDir, 'index.js'))).toBe(true);
    expect(fs.existsSync(path.join(outDir, 'parse-worker.js'))).toBe(true);
    const index = fs.readFileSync(path.join(outDir, 'index.js'), 'utf8');
    expect(index).toContain('"./parse-worker.js"');
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

  it('the built worker parses real files in plain Node, without tsx', async () => {
    const worker = new Worker(new URL(`file://${path.join(outDir, 'parse-worker.js')}`));
    try {
      const parse = (id: number, file: string) =>
        new Promise<{ type: string; result?: { document?: { text?: string } } }>((resolve, reject) => {
          const onMessage = (m: { id: number; type: string; result?: { document?: { text?: string } } }) => {
            if (m.id !== id || m.type === 'progress') return;
            worker.off('message', onMessage);
            resolve(m);
          };
          worker.on('message', onMessage);
          worker.once('error', reject);
          worker.postMessage({ id, name: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) });
        });
      const docx = await parse(1, '/work/shared/corpus/fixtures/docx/footnotes.docx');
      expect(docx.type).toBe('done');
      expect(docx.result?.document?.text?.trim().length).toBeGreaterThan(0);
      const pdf = await parse(2, '/work/shared/corpus/fixtures/pdf/TAMReview.pdf');
      expect(pdf.type).toBe('done');
      expect(pdf.result?.document?.text?.length).toBeGreaterThan(100);
    } finally {
      await worker.terminate();
    }
  });
});
