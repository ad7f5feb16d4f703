import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellArg } from '../../../electron/cli/shell-arg';

const NAMES = [
  '/tmp/ben.claimbench',
  '/tmp/dl/My Investigation - Mara Quinn - 2026-12-06.claimbench-share',
  "/tmp/Mara's desk/$HOME `date` *.claimbench-share",
  'C:\\Users\\ana\\Shared files\\week (18).claimbench-share',
];

describe('a path printed for copying into a shell', () => {
  it('arrives unchanged when a real shell reads it, spaces, quotes and all', () => {
    const line = `printf '%s\\n' ${NAMES.map(shellArg).join(' ')}`;
    expect(execFileSync('/bin/sh', ['-c', line], { encoding: 'utf8' })).toBe(`${NAMES.join('\n')}\n`);
  });

  it('stays bare when nothing in it needs quoting', () => {
    expect(shellArg('/tmp/ben.claimbench')).toBe('/tmp/ben.claimbench');
  });
});
