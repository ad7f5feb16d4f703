/**
 * Write electron/cli/command-index.generated.ts: each top-level command's name, help term, summary
 * and the group that registers it, read from the real command modules. `claimbench --help` lists
 * commands from it without loading them. test/core/cli/command-index.test.ts fails when it is stale.
 *
 *   npx tsx scripts/cli-index.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeCommands, renderCommandIndex } from '../electron/cli/command-index-source';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../electron/cli/command-index.generated.ts');
fs.writeFileSync(target, renderCommandIndex(await describeCommands()));
console.log(`wrote ${path.relative(process.cwd(), target)}`);
