import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../electron/core/context';
import { call } from '../../../electron/core/dispatch';
import type { HostServices } from '../../../electron/core/host';
import { waitForBatch } from '../../../electron/core/ingest/batch';
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/limits';
import type { OpenPurpose } from '../../../shared/host-api';
import { CORPUS_DIR, withoutShared } from '../../helpers/corpus';
import { createTestContext, tempDir } from '../../helpers/workspace';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

/** Stands in for the person in the open dialog. */
class OpenDialogStandIn implements HostServices {
  readonly asked: { purpose: OpenPurpose; multiple: boolean }[] = [];
  constructor(private readonly answer: string[] | null) {}
  chooseOpen(purpose: OpenPurpose, multiple: boolean): Promise<string[] | null> {
    this.asked.push({ purpose, multiple });
    return Promise.resolve(this.answer);
  }
  chooseSave(): Promise<string | null> {
    return Promise.resolve(null);
  }
}

let ctx: CoreContext;
afterEach(() => ctx?.workspace.close());

const documentCount = () =>
  (ctx.workspace.db.prepare('SELECT count(*) AS n FROM documents WHERE deleted = 0').get() as { n: number }).n;

describe('ingest.importChosen', () => {
  it.skipIf(noShared)(
    'imports the files the person chose and reports unreadable or oversized ones per file',
    { timeout: 60_000 },
    async () => {
      const dir = tempDir('claimbench-chosen-');
      const huge = path.join(dir, 'huge.txt');
      fs.writeFileSync(huge, '');
      fs.truncateSync(huge, MAX_IMPORT_FILE_BYTES + 1); // sparse: the size alone must refuse it
      const html = path.join(CORPUS_DIR, 'news_en/html_raw/wikimediafoundation.org.turkey.html');
      const ru = path.join(CORPUS_DIR, 'news_ru/ru_wikinews_nerel/140635_text.txt');
      const host = new OpenDialogStandIn([html, path.join(dir, 'gone.txt'), dir, huge, ru]);
      ctx = { ...createTestContext(), host };

      const started = await call(ctx, 'ingest.importChosen', {});
      expect(host.asked).toEqual([{ purpose: 'import', multiple: true }]);
      expect(started.status?.total).toBe(5);
      expect(started.names).toEqual([
        'wikimediafoundation.org.turkey.html',
        'gone.txt',
        path.basename(dir),
        'huge.txt',
        '140635_text.txt',
      ]);
      const final = await waitForBatch(ctx.workspace, started.status!.jobId);
      expect(final.state).toBe('done');
      expect(final.outcomes.map((o) => [o.name, o.status])).toEqual([
        ['wikimediafoundation.org.turkey.html', 'imported'],
        ['gone.txt', 'failed'],
        [path.basename(dir), 'failed'],
        ['huge.txt', 'failed'],
        ['140635_text.txt', 'imported'],
      ]);
      expect(final.outcomes[1]!.error?.message).toMatch(/no longer exists/);
      expect(final.outcomes[2]!.error?.message).toMatch(/not a file/);
      expect(final.outcomes[3]!.error?.message).toMatch(/too large/);
      expect(documentCount()).toBe(2);
    },
  );

  it('does nothing when the person cancels, and is refused where there is no host', async () => {
    ctx = { ...createTestContext(), host: new OpenDialogStandIn(null) };
    expect(await call(ctx, 'ingest.importChosen', {})).toEqual({ status: null, names: [] });
    expect(documentCount()).toBe(0);
    const { host: _none, ...cli } = ctx;
    await expect(call(cli, 'ingest.importChosen', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
