import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceFileFromArgv } from '../../../electron/shell/argv';
import { nativeBindingPath } from '../../../electron/shell/native-binding';
import { MAX_RECENT, RecentList } from '../../../electron/shell/recent';
import {
  clampToDisplays,
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  MIN_WINDOW_SIZE,
  saveWindowState,
} from '../../../electron/shell/window-state';
import { tempDir } from '../../helpers/workspace';

function touch(file: string): string {
  fs.writeFileSync(file, '');
  return file;
}

describe('recent workspaces', () => {
  it('keeps the most recent first, without duplicates, at most ten, and survives a restart', () => {
    const dir = tempDir();
    const store = path.join(dir, 'recent.json');
    const files = Array.from({ length: 12 }, (_, i) => touch(path.join(dir, `w${i}.claimbench`)));
    const recent = new RecentList(store);
    for (const f of files) recent.add(f);
    recent.add(files[3]!);
    const list = new RecentList(store).list();
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe(files[3]);
    expect(list[1]).toBe(files[11]);
    expect(new Set(list).size).toBe(list.length);
    expect(list).not.toContain(files[0]);
  });

  it('prunes files that no longer exist and can be cleared', () => {
    const dir = tempDir();
    const store = path.join(dir, 'recent.json');
    const a = touch(path.join(dir, 'a.claimbench'));
    const b = touch(path.join(dir, 'b.claimbench'));
    const recent = new RecentList(store);
    recent.add(a);
    recent.add(b);
    fs.rmSync(b);
    expect(recent.list()).toEqual([a]);
    expect(JSON.parse(fs.readFileSync(store, 'utf8'))).toEqual({ files: [a] });
    recent.clear();
    expect(recent.list()).toEqual([]);
  });

  it('treats a damaged list as empty and repairs it on the next write', () => {
    const dir = tempDir();
    const store = path.join(dir, 'recent.json');
    fs.writeFileSync(store, '{"files": [1, 2');
    const recent = new RecentList(store);
    expect(recent.list()).toEqual([]);
    const a = touch(path.join(dir, 'a.claimbench'));
    expect(recent.add(a)).toEqual([a]);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('window state', () => {
  const primary = { x: 0, y: 0, width: 1920, height: 1040 };
  const right = { x: 1920, y: 0, width: 1280, height: 1000 };

  it('keeps bounds that are on a display', () => {
    expect(clampToDisplays({ x: 100, y: 50, width: 1200, height: 800, maximized: false }, [primary])).toEqual({
      x: 100,
      y: 50,
      width: 1200,
      height: 800,
      maximized: false,
    });
    expect(clampToDisplays({ x: 2000, y: 10, width: 1000, height: 700, maximized: true }, [primary, right])).toMatchObject({
      x: 2000,
      y: 10,
      maximized: true,
    });
  });

  it('brings back a window whose monitor was unplugged', () => {
    const state = clampToDisplays({ x: 2000, y: 10, width: 1000, height: 700, maximized: false }, [primary]);
    expect(state).toEqual({ x: 460, y: 170, width: 1000, height: 700, maximized: false });
  });

  it('shrinks to the work area and pulls a half-off window inside', () => {
    const state = clampToDisplays({ x: 1500, y: -20, width: 3000, height: 2000, maximized: false }, [primary]);
    expect(state).toEqual({ x: 0, y: 0, width: 1920, height: 1040, maximized: false });
    const partly = clampToDisplays({ x: 1700, y: 900, width: 800, height: 600, maximized: false }, [primary]);
    expect(partly).toEqual({ x: 1120, y: 440, width: 800, height: 600, maximized: false });
  });

  it('enforces the minimum size and leaves first-launch placement to the OS', () => {
    expect(clampToDisplays({ width: 10, height: 10, maximized: false }, [primary])).toEqual({
      width: MIN_WINDOW_SIZE.width,
      height: MIN_WINDOW_SIZE.height,
      maximized: false,
    });
    expect(clampToDisplays({ x: 5, y: 5, width: 900, height: 700, maximized: false }, [])).toEqual({
      width: 900,
      height: 700,
      maximized: false,
    });
  });

  it('round-trips through window-state.json atomically and ignores junk', () => {
    const dir = tempDir();
    const file = path.join(dir, 'window-state.json');
    expect(loadWindowState(file, [primary])).toEqual(DEFAULT_WINDOW_STATE);
    saveWindowState(file, { x: 10.4, y: 20.6, width: 1000, height: 700, maximized: true });
    expect(loadWindowState(file, [primary])).toEqual({ x: 10, y: 21, width: 1000, height: 700, maximized: true });
    expect(fs.readdirSync(dir)).toEqual(['window-state.json']);
    fs.writeFileSync(file, JSON.stringify({ x: 'left', width: -5 }));
    expect(loadWindowState(file, [primary])).toEqual(DEFAULT_WINDOW_STATE);
    fs.writeFileSync(file, 'not json');
    expect(loadWindowState(file, [primary])).toEqual(DEFAULT_WINDOW_STATE);
  });
});

describe('argv', () => {
  it('finds the workspace file the OS passed, resolved against the working directory', () => {
    expect(workspaceFileFromArgv(['/opt/Claimbench/claimbench', 'case.claimbench'], '/home/ana')).toBe(
      '/home/ana/case.claimbench',
    );
    expect(workspaceFileFromArgv(['electron', '.', '--flag', '/x/A.CLAIMBENCH'], '/')).toBe('/x/A.CLAIMBENCH');
    expect(workspaceFileFromArgv(['app', 'file:///x/with%20space.claimbench'], '/')).toBe('/x/with space.claimbench');
  });

  it('ignores switches, other files and the executable itself', () => {
    expect(workspaceFileFromArgv(['/x/evil.claimbench'], '/')).toBeUndefined();
    expect(workspaceFileFromArgv(['app', '--user-data-dir=/tmp/a.claimbench'], '/')).toBeUndefined();
    expect(workspaceFileFromArgv(['app', '-psn_0_12345', 'notes.txt', '.'], '/')).toBeUndefined();
    expect(workspaceFileFromArgv(['app', 'https://evil.example/x.claimbench'], '/')).toBeUndefined();
  });
});

describe('native binding location', () => {
  it('uses the packaged resources copy or the checkout copy, only when present', () => {
    const place = { isPackaged: true, resourcesPath: '/opt/app/resources', appPath: '/opt/app/resources/app.asar' };
    expect(nativeBindingPath(place, () => true)).toBe('/opt/app/resources/native/better_sqlite3.node');
    // A checkout keeps one build per platform and CPU type; the app picks its own.
    expect(
      nativeBindingPath({ ...place, isPackaged: false, appPath: '/src/claimbench', platform: 'linux', arch: 'x64' }, () => true),
    ).toBe('/src/claimbench/.electron-native/linux-x64/better_sqlite3.node');
    expect(nativeBindingPath(place, () => false)).toBeUndefined();
  });
});
