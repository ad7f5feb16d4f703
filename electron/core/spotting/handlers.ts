import { defaultThreshold } from '../../../shared/spotting/index';
import type { Handlers } from '../handler-types';
import { setSpottingThreshold, spottingThreshold } from './threshold';

/** The workspace's check-worthiness threshold: read, and set (re-applied to every document with one undo). */
export const spottingHandlers = {
  'spotting.getThreshold': (_input, { workspace }) => ({
    threshold: spottingThreshold(workspace),
    defaultThreshold: defaultThreshold(),
  }),

  'spotting.setThreshold': ({ threshold }, { workspace }) => {
    const reapplied = setSpottingThreshold(workspace, threshold ?? defaultThreshold());
    return { threshold: spottingThreshold(workspace), defaultThreshold: defaultThreshold(), reapplied };
  },
} satisfies Partial<Handlers>;
