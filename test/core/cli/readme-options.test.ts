import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_GROUP_NAMES, COMMAND_GROUPS } from '../../../electron/cli/command-groups';
import type { CliIO } from '../../../electron/cli/io';
import { createProgram } from '../../../electron/cli/program';

const silent: CliIO = { out: () => undefined, err: () => undefined, readStdin: async () => Buffer.alloc(0) };
const README = fs.readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');

/** The README's "Command line" section: its synopsis block and the prose after it. */
function cliSection(): { synopsis: string[]; prose: string } {
  const section = /\n## Command line\n([\s\S]*?)\n## /.exec(README)![1]!;
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  // A line ending in a backslash continues on the next one.
  const synopsis = block
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((l) => l.startsWith('claimbench '));
  return { synopsis, prose: section };
}

interface Leaf {
  path: string;
  command: Command;
}

async function everyCommand(): Promise<Leaf[]> {
  const leaves: Leaf[] = [];
  const walk = (command: Command, prefix: string) => {
    for (const sub of command.commands) {
      const name = `${prefix}${sub.name()}`;
      if (sub.commands.length > 0) walk(sub, `${name} `);
      else leaves.push({ path: name, command: sub });
    }
  };
  for (const group of COMMAND_GROUP_NAMES) {
    const program = createProgram(silent);
    (await COMMAND_GROUPS[group]())(program, silent);
    walk(program, '');
  }
  return leaves;
}

describe('the README’s command line section', () => {
  it('shows every command with every option --help lists, repeatable ones as repeatable', async () => {
    const { synopsis } = cliSection();
    const missing: string[] = [];
    for (const { path: name, command } of await everyCommand()) {
      const lines = synopsis.filter((l) => l.startsWith(`claimbench ${name} `) || l === `claimbench ${name}`);
      if (lines.length === 0) {
        missing.push(`${name}: no synopsis line`);
        continue;
      }
      const text = lines.join('\n');
      for (const option of command.options) {
        const flag = option.long!;
        const shown = (f: string) => new RegExp(`${f}(?![\\w-])`).test(text);
        if (!shown(flag) && !(option.short && shown(option.short))) {
          missing.push(`${name}: ${flag}`);
          continue;
        }
        const repeatable = /repeat/i.test(option.description);
        if (repeatable && !new RegExp(`${flag} [^\\]\\s]+\\]?\\.\\.\\.`).test(text))
          missing.push(`${name}: ${flag} not shown as repeatable`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('describes search the way search --help does', async () => {
    const search = (await everyCommand()).find((c) => c.path === 'search')!.command;
    const query = search.registeredArguments.find((a) => a.name() === 'query')!.description;
    expect(query).toMatch(/other forms/);
    expect(query).toMatch(/quoted phrase/);
    expect(query).not.toMatch(/matches as a prefix/);
    const { synopsis } = cliSection();
    const line = synopsis.find((l) => l.startsWith('claimbench search '))!;
    expect(line).toMatch(/other forms/);
    expect(line).toMatch(/"a quoted phrase"/);
  });
});
