import { describe, expect, it } from 'vitest';
import { COMMAND_INDEX } from '../../../electron/cli/command-index.generated';
import { describeCommands } from '../../../electron/cli/command-index-source';
import { runCli } from '../../../electron/cli/main';
import { requestedCommand } from '../../../electron/cli/program';
import { cliArguments } from '../../../electron/shell/cli-mode';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), readStdin: async () => Buffer.alloc(0) }, out, err };
}

describe('the command index', () => {
  it('matches what the command modules register (run `npx tsx scripts/cli-index.ts` after changing a command)', async () => {
    expect(COMMAND_INDEX).toEqual(await describeCommands());
  });

  it('top-level help lists every command with its arguments and summary', async () => {
    const { io, out } = capture();
    expect(await runCli(['--help'], io)).toBe(0);
    const help = out.join('');
    for (const c of COMMAND_INDEX) expect(help).toMatch(new RegExp(`^  ${c.term.replace(/[[\]]/g, '\\$&')} +${c.summary.slice(0, 20).replace(/[()[\]]/g, '\\$&')}`, 'm'));
  });

  it("a command's own help comes from its module, with its options", async () => {
    const { io, out } = capture();
    expect(await runCli(['help', 'merge'], io)).toBe(0);
    expect(out.join('')).toMatch(/Usage: claimbench merge \[options\] <file> <sharefile>/);
    expect(out.join('')).toMatch(/--dry-run/);
  });

  it('an unknown command is a user error naming the nearest command', async () => {
    const { io, err } = capture();
    expect(await runCli(['mergee'], io)).toBe(1);
    expect(err.join('')).toMatch(/unknown command 'mergee'[\s\S]*merge/);
  });
});

describe('which command a command line asks for', () => {
  it.each([
    [['merge', 'a', 'b'], 'merge'],
    [['--author', 'Ann', 'claims', 'w'], 'claims'],
    [['--author=Ann', 'claims', 'w'], 'claims'],
    [['help', 'report'], 'report'],
    [['--help'], null],
    [[], null],
  ])('%j → %s', (argv, expected) => {
    expect(requestedCommand(argv)).toBe(expected);
  });
});

describe('the app binary run as the claimbench command', () => {
  it.each([
    [['/opt/Claimbench/claimbench', 'import', 'w.claimbench', 'a.txt'], false, ['import', 'w.claimbench', 'a.txt']],
    [['/opt/Claimbench/claimbench', '--cli', 'claims', 'w.claimbench'], false, ['claims', 'w.claimbench']],
    [['/opt/Claimbench/claimbench', '--help'], false, ['--help']],
    [['electron', '/work/app', 'search', 'w.claimbench', 'drones'], true, ['search', 'w.claimbench', 'drones']],
  ])('%j is a command line', (argv, defaultApp, expected) => {
    expect(cliArguments(argv, defaultApp)).toEqual(expected);
  });

  it.each([
    [['/opt/Claimbench/claimbench'], false],
    [['/opt/Claimbench/claimbench', '/home/ann/case.claimbench'], false],
    [['electron', '/work/app'], true],
    [['/Applications/Claimbench.app/Contents/MacOS/Claimbench', '-psn_0_12345'], false],
  ])('%j opens the app', (argv, defaultApp) => {
    expect(cliArguments(argv, defaultApp)).toBeNull();
  });
});
