import type { CoreContext } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import type { MergeResult } from '../../shared/team';

/** Preview a share file, then merge exactly what was previewed: what the app's merge dialog and the CLI do. */
export async function mergePreviewed(ctx: CoreContext, file: string): Promise<MergeResult> {
  const { contentHash } = await call(ctx, 'team.mergePreview', { path: file });
  return call(ctx, 'team.merge', { path: file, expectHash: contentHash });
}
