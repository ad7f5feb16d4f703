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
  'host.openPath': async ({ path }, ctx) => {
    const host = requireHost(ctx);
    if (!host.openPath) throw new ClaimbenchError('FORBIDDEN', 'Opening files is only available in the app.');
    await host.openPath(path);
    return { opened: true as const };
  },
} satisfies Partial<Handlers>;
