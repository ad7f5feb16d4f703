import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnCore, type SpawnedCore } from '../../../electron/core/process/spawn-core';
import { SCHEMA_VERSION } from '../../../electron/core/store/migrations/index';
import { DEFAULT_WORKSPACE_NAME } from '../../../electron/shell/app-session';
import type { ProtocolEvent } from '../../../shared/protocol';
import { tempDir } from '../../helpers/workspace';

/** A real core process whose default and requested workspaces are both refused at start. */
let core: SpawnedCore | undefined;

afterEach(async () => {
  await core?.stop();
  core = undefined;
});

function newerWorkspace(file: string): void {
  const db = new Database(file);
  db.pragma('application_id = 1129073986');
  db.pragma(`user_version = ${SCHEMA_VERSION + 3}`);
  db.close();
}

describe('a core whose startup workspaces are refused', () => {
  it('becomes ready with no workspace, reports each file and why, and leaves both untouched', { timeout: 60_000 }, async () => {
    const userDataDir = tempDir('claimbench-startup-refused-');
    const defaultFile = path.join(userDataDir, DEFAULT_WORKSPACE_NAME);
    fs.writeFileSync(defaultFile, 'garbage, not a workspace');
    const requested = path.join(tempDir('claimbench-startup-newer-'), 'from-the-future.claimbench');
    newerWorkspace(requested);
    const requestedBytes = fs.readFileSync(requested);
    const events: ProtocolEvent[] = [];

    core = await spawnCore({ userDataDir, workspace: requested }, { log: () => {}, onEvent: (e) => events.push(e) });

    const status = await core.client.invoke('workspace.status', {});
    expect(status).toEqual({
      ok: true,
      value: {
        workspace: null,
        refused: [
          {
            file: requested,
            code: 'NEWER_VERSION',
            message: `from-the-future.claimbench was written by a newer version of Claimbench (format ${SCHEMA_VERSION + 3}; this version reads up to ${SCHEMA_VERSION}). Update Claimbench to open it.`,
          },
          {
            file: defaultFile,
            code: 'NOT_A_WORKSPACE',
            message: `${DEFAULT_WORKSPACE_NAME} is not a Claimbench workspace (it is not a SQLite database).`,
          },
        ],
      },
    });
    expect(events.filter((e) => e.kind === 'open-refused').map((e) => (e.payload as { code: string }).code)).toEqual([
      'NEWER_VERSION',
      'NOT_A_WORKSPACE',
    ]);
    // Operations on a workspace are refused in words, not by a crash.
    expect(await core.client.invoke('documents.list', {})).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No workspace is open.' },
    });

    const started = await core.client.invoke('workspace.startNew', {});
    expect(started).toMatchObject({
      ok: true,
      value: { workspace: { name: 'My Investigation 2', path: path.join(userDataDir, 'My Investigation 2.claimbench') } },
    });
    expect(await core.client.invoke('documents.list', {})).toEqual({ ok: true, value: [] });
    expect(fs.readFileSync(defaultFile, 'utf8')).toBe('garbage, not a workspace');
    expect(fs.readFileSync(requested).equals(requestedBytes)).toBe(true);
  });
});
