import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultUserDataDir, hasDisplay, openCommand } from '../../../electron/browser-host/user-data';

describe('where the browser host keeps data and how it opens the browser', () => {
  it("uses the folder Electron's userData would be, unless CLAIMBENCH_USER_DATA_DIR says otherwise", () => {
    expect(defaultUserDataDir({}, 'linux', '/home/ann')).toBe('/home/ann/.config/Claimbench');
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ann')).toBe('/cfg/Claimbench');
    expect(defaultUserDataDir({}, 'darwin', '/Users/ann')).toBe('/Users/ann/Library/Application Support/Claimbench');
    expect(defaultUserDataDir({ APPDATA: 'C:/Users/ann/AppData/Roaming' }, 'win32', 'C:/Users/ann')).toBe(
      path.join('C:/Users/ann/AppData/Roaming', 'Claimbench'),
    );
    expect(defaultUserDataDir({ CLAIMBENCH_USER_DATA_DIR: '/tmp/x' }, 'linux', '/home/ann')).toBe(path.resolve('/tmp/x'));
  });

  it('prints the address instead of opening a browser where there is no display', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'freebsd')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
  });

  it('opens the URL with the system opener, as one argument', () => {
    const url = 'http://127.0.0.1:5000/?token=a&b';
    expect(openCommand(url, 'linux')).toEqual({ command: 'xdg-open', args: [url] });
    expect(openCommand(url, 'darwin')).toEqual({ command: 'open', args: [url] });
    expect(openCommand(url, 'win32')).toEqual({ command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] });
  });
});
