import path from 'node:path';
import { HybridClock, randomNodeId } from '../../../shared/hlc';
import { ClaimbenchError } from '../../../shared/result';
import { openWorkspaceFile, readOnlyError, type DB, type OpenOptions } from './open';
import { ChangeRecorder, type Identity } from './recorder';
import { TouchSet } from './touch-set';
import { UndoManager } from './undo';
import { SCHEMA_VERSION } from './migrations/index';

/** An open workspace file: the database, its clock, the one write path and this session's undo. */
export class Workspace {
  readonly clock: HybridClock;
  readonly recorder: ChangeRecorder;
  readonly undo: UndoManager;
  /** What committed writes touched since the dispatcher (or the folder sync) last took it. */
  readonly touched = new TouchSet();
  private closed = false;

  private constructor(
    readonly db: DB,
    readonly path: string,
    /** The person working in this copy: the author of its changes, and who merges into it. */
    readonly identity: () => Identity,
    /** Opened for reading only (asked for, or the file/folder/disk cannot be written). */
    readonly readOnly = false,
    private readonly cleanup: () => void = () => {},
  ) {
    const last = (db.prepare('SELECT max(hlc) AS h FROM changes').get() as { h: string | null }).h;
    this.clock = new HybridClock(randomNodeId(), Date.now, undefined, last);
    this.recorder = new ChangeRecorder(
      db,
      this.clock,
      () => {
        // Before asking who writes: a read-only copy refuses every write the same way.
        if (readOnly) throw readOnlyError();
        const who = identity();
        if (!who.author.trim()) throw new ClaimbenchError('VALIDATION', 'Set your name before making changes.');
        return who;
      },
      this.touched,
    );
    this.undo = new UndoManager(this.recorder, db);
  }

  static open(file: string, identity: () => Identity, options: OpenOptions = {}): Workspace {
    const opened = openWorkspaceFile(file, options);
    return new Workspace(opened.db, opened.path, identity, opened.readonly, opened.cleanup);
  }

  get name(): string {
    return path.basename(this.path).replace(/\.claimbench$/i, '');
  }

  get schemaVersion(): number {
    return SCHEMA_VERSION;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      if (!this.readOnly) {
        // Best effort: with another writer active it would wait the whole busy timeout for nothing
        // (the last connection to close checkpoints anyway).
        this.db.pragma('busy_timeout = 0');
        this.db.pragma('wal_checkpoint(TRUNCATE)');
      }
    } finally {
      this.db.close();
      this.cleanup();
    }
  }
}
