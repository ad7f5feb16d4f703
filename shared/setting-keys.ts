/** The ids of the workspace settings the change log records, named once for the core and for history's words. */
export const REPORT_OPTIONS_SETTING = 'report.options';
export const THRESHOLD_SETTING = 'spotting.threshold';
