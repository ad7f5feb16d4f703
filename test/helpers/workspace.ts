import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CoreContext } from '../../electron/core/context';
import { FixedIdentityStore } from '../../electron/core/session/identity';
import { Workspace } from '../../electron/core/store/workspace';

export function tempDir(prefix = 'claimbench-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A real workspace on a real temporary file, with a fixed author. */
export function createTestContext(author = 'Test Checker', file?: string): CoreContext & { dir: string; file: string } {
  const dir = file ? path.dirname(file) : tempDir();
  const target = file ?? path.join(dir, 'test.claimbench');
  const identity = new FixedIdentityStore(author);
  const workspace = Workspace.open(
    target,
    () => {
      const who = identity.get();
      return { actorId: who.actorId, author: who.author ?? '', signingKey: who.signingKey };
    },
    { create: true },
  );
  return { workspace, identity, dir, file: target };
}
