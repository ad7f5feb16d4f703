import path from 'node:path';
import type Database from 'better-sqlite3';
import { ClaimbenchError } from '../../../shared/result';

/** A kind of SQLite file Claimbench writes: a workspace, a fact-check library. */
export interface FileKind {
  /** "workspace", "fact-check library": how a message names it. */
  noun: string;
  applicationId: number;
  latestVersion: number;
  /** How a message names its version: "format", "library format". */
  formatName: string;
}

/**
 * The version of a file of `kind`, read from its header pragmas only: a file of another kind (or a
 * plain SQLite database with tables) and one from a newer version are refused before anything else
 * is read. A new, empty database counts as version 0.
 */
export function versionOfKind(db: Database.Database, file: string, kind: FileKind): number {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
  const name = path.basename(file);
  if (appId !== kind.applicationId && (appId !== 0 || tables > 0 || version !== 0)) {
    throw new ClaimbenchError('NOT_A_WORKSPACE', `${name} is a SQLite database, but not a Claimbench ${kind.noun}.`);
  }
  if (version > kind.latestVersion) {
    throw new ClaimbenchError(
      'NEWER_VERSION',
      `${name} was written by a newer version of Claimbench (${kind.formatName} ${version}; this version reads up to ${kind.latestVersion}). Update Claimbench to open it.`,
    );
  }
  return version;
}
