/** Events the main process pushes to the renderer (menu commands, workspace switches). */
export const APP_EVENTS = [
  'workspace-changed',
  'menu:new-document',
  'menu:open-text-file',
  'menu:undo',
  'menu:redo',
  'menu:shortcuts',
  'menu:find',
  'menu:import',
  'menu:export-report',
  'menu:share',
  'menu:merge',
  'menu:conflicts',
  'menu:sync',
  'menu:activity',
  'menu:start-session',
  'menu:start-capture',
  'menu:sessions',
  'menu:make-claim',
  'menu:libraries',
] as const;
export type AppEvent = (typeof APP_EVENTS)[number];
