import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The CLI keeps each person's identity and private signing key in a profile folder; tests use a
// fresh one per test file instead of the real ~/.config/claimbench. Child processes inherit it.
process.env.CLAIMBENCH_PROFILE ??= fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-profile-'));
