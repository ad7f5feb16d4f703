import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { forTerminal } from '../../../electron/cli/terminal-text';
import { runClaimbench } from '../../helpers/cli';
import { tempDir } from '../../helpers/workspace';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/claimbench.mjs');

/** Anything a terminal would act on: ESC, BEL, other C0 controls but tab/newline, DEL, C1, bidi overrides. */
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const ACTIVE = /[\x00-\x08\x0B-\x1F\x7F\u0080-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('text printed on a terminal', () => {
  it('loses ESC/CSI/OSC sequences and controls; bidi and C1 characters are shown as \\uXXXX', () => {
    expect(forTerminal('a\x1b[31mred\x1b[0m b')).toBe('ared b');
    expect(forTerminal('x\x1b]0;owned title\x07y')).toBe('xy');
    expect(forTerminal('x\x1b]52;c;ZXZpbA==\x1b\\y')).toBe('xy');
    expect(forTerminal('x\x1bPq#0;2;0;0;0\x1b\\y\x1bcz')).toBe('xyz');
    expect(forTerminal('bell\x07 back\x08space\rcr\x7f')).toBe('bell backspacecr');
    expect(forTerminal('c1 \u009b31m csi')).toBe('c1 \\u009B31m csi');
    expect(forTerminal('evil\u202Etxt.exe')).toBe('evil\\u202Etxt.exe');
    expect(forTerminal('tabs\tand\nlines stay; ZWJ 👩\u200D💻 and Persian ZWNJ می\u200Cخواهم stay')).toBe(
      'tabs\tand\nlines stay; ZWJ 👩\u200D💻 and Persian ZWNJ می\u200Cخواهم stay',
    );
  });

  it('claims, search, history and errors print stored hostile text without raw escape sequences', () => {
    const dir = tempDir();
    const ws = path.join(dir, 'esc.claimbench');
    const file = path.join(dir, 'hostile.txt');
    fs.writeFileSync(
      file,
      'The ministry said \x1b[31m157\x1b[0m drones were launched on Tuesday.\x1b]0;owned\x07\n\n' +
        'Officials said 12 \u009b2J bridges were closed in 2023.\x1b]52;c;ZXZpbA==\x07\n',
    );
    expect(runClaimbench(['init', ws]).code).toBe(0);
    expect(runClaimbench(['import', ws, file]).code).toBe(0);
    const claims = runClaimbench(['claims', ws]);
    expect(claims.code, claims.stderr).toBe(0);
    expect(claims.stdout).toMatch(/The ministry said 157 drones/);
    expect(claims.stdout).toMatch(/12 \\u009B2J bridges/);
    const id = /^(\S+)/.exec(claims.stdout)![1]!;
    expect(runClaimbench(['mark', ws, id, 'disputed', '--rationale', 'See \x1b[5mblink\x1b[0m']).code).toBe(0);
    const outputs = [
      claims,
      runClaimbench(['search', ws, 'ministry']),
      runClaimbench(['history', ws, id]),
      runClaimbench(['mark', ws, 'no-such-\x1b]0;x\x07claim', 'sourced']),
    ];
    for (const r of outputs) {
      expect(r.stdout + r.stderr).not.toMatch(ACTIVE);
    }
    expect(outputs[2]!.stdout).toMatch(/See blink/);
    // JSON keeps the data: control characters escaped by JSON, C1 and bidi as \u escapes that parse back.
    const json = runClaimbench(['claims', ws, '--json']);
    expect(json.stdout).not.toMatch(ACTIVE);
    const parsed = JSON.parse(json.stdout) as { text: string }[];
    expect(parsed.some((c) => c.text.includes('\u009b2J'))).toBe(true);
  }, 120_000);

  it('`claims | head -1` prints one line and no EPIPE stack trace', () => {
    const dir = tempDir();
    const ws = path.join(dir, 'pipe.claimbench');
    const file = path.join(dir, 'many.txt');
    const sentences = Array.from({ length: 3000 }, (_, i) => `The ministry said ${i + 1} drones were launched on Tuesday.`);
    fs.writeFileSync(file, sentences.join('\n\n'));
    expect(runClaimbench(['init', ws]).code).toBe(0);
    expect(runClaimbench(['import', ws, file]).code).toBe(0);
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" claims "${ws}" | head -1; echo "status=\${PIPESTATUS[0]}" >&2`], {
      encoding: 'utf8',
      env: { ...process.env, CLAIMBENCH_AUTHOR: 'CLI Tester' },
      timeout: 60_000,
    });
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(r.stderr.trim()).toBe('status=0');
  }, 120_000);
});
