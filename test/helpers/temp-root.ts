import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Every temporary file of a test run (workspaces, profiles, browser profiles, the CLI's and the core's
 * child processes) goes under one folder that is removed when the run ends: a full suite otherwise leaves
 * gigabytes in the system's temp folder. Set CLAIMBENCH_KEEP_TEST_FILES=1 to keep it for a look.
 */
export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-tests-'));
  // Open to every user as the system's temp folder is: tests run the CLI as another user on files in here.
  fs.chmodSync(root, 0o1777);
  // os.tmpdir() reads these on every call, in this process, its workers and every child they start.
  for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = root;
  return () => {
    if (process.env.CLAIMBENCH_KEEP_TEST_FILES === '1') console.log(`Test files kept in ${root}`);
    else fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
