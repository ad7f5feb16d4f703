import { isClaimbenchError, type Result } from '../../../shared/result';
import { parseOrThrow } from '../../../shared/validate';
import type { AppSession, OpenOutcome } from '../../shell/app-session';
import { coreCommandSchemas, isCoreCommand, type CoreState } from './command-schemas';
import { workspaceApi, type SessionOperation } from '../../../shared/workspace-api';

export function coreState(session: AppSession): CoreState {
  const workspace = session.workspace;
  return {
    title: session.title,
    workspace: workspace ? { path: workspace.path, name: workspace.name } : null,
    recent: session.recent.list(),
  };
}

function afterOpen(session: AppSession, outcome: OpenOutcome): Result<CoreState> {
  if (!outcome.ok) return { ok: false, error: { code: outcome.error.code, message: outcome.error.message } };
  return { ok: true, value: coreState(session) };
}

/** One host-only command against the core's session; bad input and refusals come back as errors. */
export function runCoreCommand(session: AppSession, name: string, raw: unknown): Result<unknown> {
  if (!isCoreCommand(name)) return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `Unknown core command: ${name}` } };
  try {
    switch (name) {
      case 'state':
        parseOrThrow(coreCommandSchemas.state, raw ?? {}, name);
        return { ok: true, value: coreState(session) };
      case 'open':
        return afterOpen(session, session.open(parseOrThrow(coreCommandSchemas.open, raw, name).file));
      case 'create':
        return afterOpen(session, session.create(parseOrThrow(coreCommandSchemas.create, raw, name).file));
      case 'saveCopy':
        return { ok: true, value: session.saveCopy(parseOrThrow(coreCommandSchemas.saveCopy, raw, name).target) };
      case 'clearRecent':
        parseOrThrow(coreCommandSchemas.clearRecent, raw ?? {}, name);
        session.recent.clear();
        return { ok: true, value: coreState(session) };
      case 'forgetRecent':
        session.recent.remove(parseOrThrow(coreCommandSchemas.forgetRecent, raw, name).file);
        return { ok: true, value: coreState(session) };
      case 'listBackups':
        parseOrThrow(coreCommandSchemas.listBackups, raw ?? {}, name);
        return { ok: true, value: session.listBackups() };
      case 'latestGoodBackup':
        return { ok: true, value: session.latestGoodBackup(parseOrThrow(coreCommandSchemas.latestGoodBackup, raw, name).file) };
      case 'restore': {
        const { file, backup } = parseOrThrow(coreCommandSchemas.restore, raw, name);
        return afterOpen(session, session.restore(file, backup));
      }
      case 'close':
        parseOrThrow(coreCommandSchemas.close, raw ?? {}, name);
        session.close();
        return { ok: true, value: null };
    }
  } catch (e) {
    if (isClaimbenchError(e)) return { ok: false, error: { code: e.code, message: e.message } };
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `The core could not ${name}: ${e instanceof Error ? e.message : String(e)}` },
    };
  }
}

/** An operation about the session (the welcome screen's): answered with or without an open workspace. */
export function runSessionOperation(session: AppSession, name: SessionOperation, raw: unknown): Result<unknown> {
  try {
    let outcome: OpenOutcome | undefined;
    switch (name) {
      case 'workspace.known':
        parseOrThrow(workspaceApi[name].input, raw ?? {}, name);
        return { ok: true, value: session.knownWorkspaces() };
      case 'workspace.startNew':
        parseOrThrow(workspaceApi[name].input, raw ?? {}, name);
        outcome = session.startNew();
        break;
      case 'workspace.create':
        outcome = session.createNamed(parseOrThrow(workspaceApi[name].input, raw, name).name);
        break;
      case 'workspace.openKnown':
        outcome = session.openKnown(parseOrThrow(workspaceApi[name].input, raw, name).id);
        break;
      case 'workspace.status':
        parseOrThrow(workspaceApi[name].input, raw ?? {}, name);
    }
    if (outcome && !outcome.ok) return { ok: false, error: { code: outcome.error.code, message: outcome.error.message } };
    return { ok: true, value: session.startupStatus() };
  } catch (e) {
    if (isClaimbenchError(e)) return { ok: false, error: { code: e.code, message: e.message } };
    return { ok: false, error: { code: 'INTERNAL', message: `Something went wrong in ${name}.` } };
  }
}
