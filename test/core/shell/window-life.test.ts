import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_USER_MODEL_ID, appUserModelIdFor } from '../../../electron/shell/app-identity';
import {
  CRASH_LOOP_LIMIT,
  CRASH_WINDOW_MS,
  FailureHistory,
  needsRecovery,
  recoveryAction,
  recoveryPrompt,
  type RendererFailure,
} from '../../../electron/shell/recovery';
import { revealWindow, WINDOW_BACKGROUND, windowBackgroundColor } from '../../../electron/shell/window-appearance';
import { WindowKeeper } from '../../../electron/shell/window-keeper';

const root = path.resolve(import.meta.dirname, '../../..');

class FakeWindow {
  destroyed = false;
  isDestroyed() {
    return this.destroyed;
  }
}

describe('the main window is created whenever a path needs one', () => {
  it('creates on first use, reuses a live window, and recreates after it was closed', () => {
    let created = 0;
    const keeper = new WindowKeeper(() => {
      created += 1;
      return new FakeWindow();
    });
    expect(keeper.current()).toBeUndefined();
    const first = keeper.ensure();
    expect(created).toBe(1);
    expect(keeper.ensure()).toBe(first);
    expect(created).toBe(1);

    // macOS: the person closed the window; the app runs on. A double-clicked file must bring one back.
    keeper.forget(first);
    expect(keeper.current()).toBeUndefined();
    const second = keeper.ensure();
    expect(second).not.toBe(first);
    expect(created).toBe(2);
  });

  it('treats a destroyed window as absent even if "closed" never arrived', () => {
    const keeper = new WindowKeeper(() => new FakeWindow());
    const win = keeper.ensure();
    win.destroyed = true;
    expect(keeper.current()).toBeUndefined();
    expect(keeper.ensure()).not.toBe(win);
  });

  it('forgetting a window that is no longer current leaves the current one alone', () => {
    const keeper = new WindowKeeper(() => new FakeWindow());
    const old = keeper.ensure();
    keeper.forget(old);
    const now = keeper.ensure();
    keeper.forget(old);
    expect(keeper.current()).toBe(now);
  });
});

describe('first appearance without a white flash', () => {
  it('paints the same background as the page, light and dark', () => {
    const tokens = fs.readFileSync(path.join(root, 'renderer/styles/tokens.css'), 'utf8');
    const [light, dark] = [...tokens.matchAll(/--bg:\s*(#[0-9a-f]{6})/gi)].map((m) => m[1]!.toLowerCase());
    expect(windowBackgroundColor(false)).toBe(light);
    expect(windowBackgroundColor(true)).toBe(dark);
    expect(WINDOW_BACKGROUND).toEqual({ light, dark });
  });

  it('restores the maximised state only when revealing, and shows a normal window without maximising', () => {
    const calls: string[] = [];
    const win = { maximize: () => calls.push('maximize'), show: () => calls.push('show'), focus: () => calls.push('focus') };
    revealWindow(win, true);
    expect(calls).toEqual(['maximize', 'focus']);
    calls.length = 0;
    revealWindow(win, false);
    expect(calls).toEqual(['show', 'focus']);
  });
});

describe('Windows identity', () => {
  it('uses the installer id on Windows only', () => {
    expect(appUserModelIdFor('win32')).toBe('org.claimbench.app');
    expect(appUserModelIdFor('darwin')).toBeUndefined();
    expect(appUserModelIdFor('linux')).toBeUndefined();
    expect(APP_USER_MODEL_ID).toBe('org.claimbench.app');
  });
});

describe('recovery from a dead or unloadable page', () => {
  const crashed: RendererFailure = { kind: 'gone', reason: 'crashed', exitCode: 139 };

  it('asks on a crash, an OOM, a kill or a failed main-frame load; not on a clean exit or a load we aborted', () => {
    expect(needsRecovery(crashed)).toBe(true);
    for (const reason of ['oom', 'killed', 'abnormal-exit', 'launch-failed', 'integrity-failure', 'memory-eviction']) {
      expect(needsRecovery({ kind: 'gone', reason, exitCode: 1 })).toBe(true);
    }
    expect(needsRecovery({ kind: 'gone', reason: 'clean-exit', exitCode: 0 })).toBe(false);
    const load = { kind: 'load-failed', errorDescription: 'ERR_FILE_NOT_FOUND', url: 'app://claimbench/index.html' } as const;
    expect(needsRecovery({ ...load, errorCode: -6, isMainFrame: true })).toBe(true);
    expect(needsRecovery({ ...load, errorCode: -6, isMainFrame: false })).toBe(false);
    expect(needsRecovery({ ...load, errorCode: -3, isMainFrame: true })).toBe(false);
  });

  it('offers Reload first, says the work is saved, and maps every answer (Escape included) to an action', () => {
    const prompt = recoveryPrompt(crashed, 1);
    expect(prompt.message).toBe('The window’s page crashed.');
    expect(prompt.detail).toContain('Your work is saved');
    expect(prompt.buttons).toEqual(['Reload', 'Quit Claimbench']);
    expect(recoveryAction(prompt, 0)).toBe('reload');
    expect(recoveryAction(prompt, 1)).toBe('quit');
    expect(recoveryAction(prompt, prompt.cancelId)).toBe('reload');
    expect(recoveryAction(prompt, 99)).toBe('reload');
    const failedLoad = recoveryPrompt(
      { kind: 'load-failed', errorCode: -6, errorDescription: 'ERR_FILE_NOT_FOUND', url: 'app://claimbench/', isMainFrame: true },
      1,
    );
    expect(failedLoad.message).toContain('ERR_FILE_NOT_FOUND');
  });

  it('in a crash loop makes Quit the default instead of reloading forever', () => {
    let now = 1_000_000;
    const history = new FailureHistory(() => now);
    const counts = [history.record(), history.record(), history.record()];
    expect(counts).toEqual([1, 2, 3]);
    const prompt = recoveryPrompt(crashed, counts[2]!);
    expect(counts[2]).toBe(CRASH_LOOP_LIMIT);
    expect(prompt.buttons[prompt.defaultId]).toBe('Quit Claimbench');
    expect(recoveryAction(prompt, prompt.cancelId)).toBe('quit');
    expect(prompt.detail).toContain('3 times in the last minute');
    // Older failures drop out of the window.
    now += CRASH_WINDOW_MS;
    expect(history.record()).toBe(1);
  });
});
