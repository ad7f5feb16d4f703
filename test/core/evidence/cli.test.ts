import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIO } from '../../../electron/cli/io';
import { tempDir } from '../../helpers/workspace';

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    readStdin: async () => Buffer.alloc(0),
  };
}

async function cli(...argv: string[]) {
  const io = capture();
  const code = await runCli(['--author', 'Cli Checker', ...argv], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

let dir: string;
let file: string;
let claimId: string;
beforeEach(async () => {
  dir = tempDir();
  file = path.join(dir, 'ws.claimbench');
  expect((await cli('init', file)).code).toBe(0);
  const added = await cli('add', file, 'Le ministre a dit que le chômage à São Paulo a baissé de 3 %.');
  claimId = added.out.trim();
});

describe('claimbench source / note / search', () => {
  it('adds a source with a file, a note, and finds both with search --json', async () => {
    const attachment = path.join(dir, 'bulletin.txt');
    fs.writeFileSync(attachment, 'Bulletin: unemployment in Sao Paulo fell 2.9 percent.');
    const src = await cli(
      'source',
      'add',
      file,
      claimId,
      '--url',
      'https://ibge.example.br/bulletin',
      '--title',
      'IBGE bulletin',
      '--stance',
      'supports',
      '--file',
      attachment,
    );
    expect(src).toMatchObject({ code: 0, err: '' });
    const note = await cli('note', file, claimId, 'Checked the IBGE figure <b>twice</b>');
    expect(note.code).toBe(0);

    const listed = JSON.parse((await cli('source', 'list', file, claimId, '--json')).out) as {
      id: string;
      url: string;
      attachmentId: string;
    }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: src.out.trim(), url: 'https://ibge.example.br/bulletin' });
    expect(listed[0]!.attachmentId).toBeTruthy();

    const hits = JSON.parse((await cli('search', file, 'sao paulo', '--json')).out) as {
      claimId: string;
      kind: string;
      matches: string[];
    }[];
    expect(hits.map((h) => h.kind)).toEqual(['claim']);
    expect(hits[0]).toMatchObject({ claimId, matches: ['São', 'Paulo'] });

    const ibge = JSON.parse((await cli('search', file, 'IBGE', '--json')).out) as {
      claimId: string;
      kind: string;
      text: string;
    }[];
    expect(ibge.map((h) => h.kind).sort()).toEqual(['note', 'source']);
    expect(ibge.every((h) => h.claimId === claimId)).toBe(true);
    expect(ibge.find((h) => h.kind === 'note')!.text).toBe('Checked the IBGE figure <b>twice</b>');

    const text = await cli('search', file, 'chomage');
    expect(text.out).toContain(`claim     ${claimId}  Le ministre a dit que le [chômage]`);
  });

  it('refuses bad input with one clear line and exit code 1, changing nothing', async () => {
    const before = fs.statSync(file).size;
    const bad = await cli('source', 'add', file, claimId, '--url', 'javascript:alert(1)');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^claimbench: Only http:\/\/ and https:\/\/ links/);
    const fileUrl = await cli(
      'source',
      'add',
      file,
      claimId,
      '--url',
      'file:///etc/passwd',
      '--file',
      path.join(dir, 'ws.claimbench'),
    );
    expect(fileUrl.code).toBe(1);
    const missing = await cli(
      'source',
      'add',
      file,
      claimId,
      '--url',
      'https://example.org',
      '--file',
      path.join(dir, 'nope.pdf'),
    );
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.err).toMatch(/nope\.pdf does not exist/);
    expect((await cli('source', 'add', file, claimId, '--url', 'https://example.org', '--stance', 'maybe')).code).toBe(1);
    expect((await cli('note', file, 'no-such-claim', 'hi')).err).toMatch(/No claim with id/);
    expect(JSON.parse((await cli('source', 'list', file, claimId, '--json')).out)).toEqual([]);
    expect(fs.statSync(file).size).toBe(before);
  });

  it('runs as a real process through bin/claimbench.mjs', () => {
    const r = spawnSync(process.execPath, ['bin/claimbench.mjs', 'search', file, 'MINISTRE', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, CLAIMBENCH_AUTHOR: 'Proc' },
    });
    expect(r.status).toBe(0);
    const hits = JSON.parse(r.stdout) as { claimId: string; matches: string[] }[];
    expect(hits).toEqual([expect.objectContaining({ claimId, matches: ['ministre'] })]);
  });
});
