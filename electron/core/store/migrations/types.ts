export interface Migration {
  /** user_version after this migration; versions only go up, one per file. */
  version: number;
  name: string;
  /** SQL run inside the migration transaction. */
  up: string;
}
