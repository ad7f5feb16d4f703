import type { Handlers } from '../handler-types';
import { chooseAndFollow, followFile, followStatus, unfollow } from './follow';

export const captureFollowHandlers = {
  'capture.follow': (input, ctx) => followFile(ctx, input),
  'capture.chooseAndFollow': async (input, ctx) => ({ status: await chooseAndFollow(ctx, input) }),
  'capture.unfollow': ({ sessionId }, ctx) => unfollow(ctx, sessionId),
  'capture.followStatus': ({ sessionId }, ctx) => ({ status: followStatus(ctx, sessionId) }),
} satisfies Partial<Handlers>;
