import { ClaimbenchError } from '../../shared/result';
import type { CoreContext } from './context';
import type { Handlers } from './handler-types';
import type { HostServices } from './host';

function requireHost(ctx: CoreContext): HostServices {
  if (!ctx.host) throw new ClaimbenchError('FORBIDDEN', 'File dialogs are only available in the app.');
  return ctx.host;
}

export const hostHandlers = {
  'host.chooseOpen': async ({ purpose, multiple }, ctx) => ({ paths: await requireHost(ctx).chooseOpen(purpose, multiple ?? false) }),
  'host.chooseSave': async ({ purpose, defaultName, extension }, ctx) => ({
    path: await requireHost(ctx).chooseSave(purpose, defaultName, extension),
  }),
} satisfies Partial<Handlers>;
