import type { Progress } from '../../shared/protocol';
import type { Touched } from '../../shared/touched';
import type { HostServices } from './host';
import type { Workspace } from './store/workspace';
import type { SigningKey } from './team/signing';

export interface PersonIdentity {
  actorId: string;
  author: string | null;
  /** Signs every change this person records; absent only for tests' unsigned identities. */
  signingKey?: SigningKey;
}

/** Who is working: a stable actor id for this person and the display name on their changes. */
export interface IdentityStore {
  get(): PersonIdentity;
  setAuthor(name: string): void;
}

/** Everything a handler may touch. The app, the CLI and the tests each build one. */
export interface CoreContext {
  workspace: Workspace;
  identity: IdentityStore;
  /** Native dialogs and viewers; absent in the CLI. */
  host?: HostServices;
  /** Set by the core process for one request: aborted when the caller cancels it. */
  signal?: AbortSignal;
  /** Set by the core process for one request: long work reports how far it got. */
  progress?: (progress: Progress) => void;
  /** Told once per operation that changed stored data, with what it touched (the `data-changed` event). */
  onDataChanged?: (touched: Touched) => void;
}
