import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runClaimbench } from '../../helpers/cli';
import { CORPUS_DIR, withoutShared } from '../../helpers/corpus';
import { tempDir } from '../../helpers/workspace';

const ARTICLE = path.join(CORPUS_DIR, 'news_en', 'html_raw', 'wikimediafoundation.org.turkey.html');
const noShared = withoutShared(import.meta.url);

interface JsonClaim {
  id: string;
  verdict: string | null;
  text: string;
}

function json<T>(args: string[]): T {
  const r = runClaimbench(args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

describe('claimbench on a real news article: Not reviewed, duplicates and sessions', () => {
  it.skipIf(noShared)(
    'works as the issue asks',
    { timeout: 240_000 },
    () => {
      const dir = tempDir();
      const ws = path.join(dir, 'desk.claimbench');
      expect(runClaimbench(['init', ws]).code).toBe(0);
      const imported = runClaimbench(['import', ws, ARTICLE]);
      expect(imported.code, imported.stderr).toBe(0);

      // New claims are null and listed by --verdict unreviewed.
      const all = json<JsonClaim[]>(['claims', ws, '--json']);
      expect(all.length).toBeGreaterThan(3);
      expect(all.every((c) => c.verdict === null)).toBe(true);
      expect(json<JsonClaim[]>(['claims', ws, '--verdict', 'unreviewed', '--json']).map((c) => c.id)).toEqual(
        all.map((c) => c.id),
      );
      expect(runClaimbench(['claims', ws]).stdout.split('\n')[0]).toMatch(/ unreviewed /);

      // mark … unverified is a decision: listed and in the history.
      const target = all[0]!;
      expect(runClaimbench(['mark', ws, target.id, 'unverified']).code).toBe(0);
      expect(json<JsonClaim[]>(['claims', ws, '--verdict', 'unverified', '--json']).map((c) => c.id)).toEqual([target.id]);
      expect(json<JsonClaim[]>(['claims', ws, '--verdict', 'unreviewed', '--json'])).toHaveLength(all.length - 1);
      const history = runClaimbench(['history', ws, target.id]);
      expect(history.stdout).toMatch(/CLI Tester marked Unverified/);

      // Re-importing the same file adds nothing.
      const again = runClaimbench(['import', ws, ARTICLE]);
      expect(again.code).toBe(0);
      expect(again.stderr).toMatch(/skipped, the same content is already in the workspace/);
      expect(json<JsonClaim[]>(['claims', ws, '--json'])).toHaveLength(all.length);

      // session start --json queues exactly the claims not reviewed.
      const session = json<{ id: string; queued: number }>(['session', 'start', ws, '--json']);
      expect(session.queued).toBe(all.length - 1);
      const status = json<{ summary: { openItems: { claimId: string }[] } }>(['session', 'status', ws, '--json']);
      expect(status.summary.openItems.map((o) => o.claimId).sort()).toEqual(
        all
          .filter((c) => c.id !== target.id)
          .map((c) => c.id)
          .sort(),
      );
    },
  );
});
