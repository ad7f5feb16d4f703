import type { ChildProcess } from 'node:child_process';
import type { ClientPort, CorePort } from '../../../shared/protocol';

/**
 * The ways the two ends of the protocol reach each other, each reduced to send + onMessage.
 * Messages are plain JSON-shaped objects on every port; the receiver validates them.
 */

/** Inside a Node child process started with an IPC channel (child_process.fork). */
export function nodeChildPort(proc: NodeJS.Process = process): CorePort {
  if (!proc.send) throw new Error('The core process was started without an IPC channel (use child_process.fork).');
  return {
    send: (message) => {
      // A host that went away mid-reply: the write fails with EPIPE. Handled here rather than as a
      // process 'error' that would crash the core; its 'disconnect' handler ends the process.
      if (proc.connected) proc.send!(message, undefined, undefined, () => undefined);
    },
    onMessage: (listener) => {
      proc.on('message', listener);
      return () => proc.off('message', listener);
    },
  };
}

/** Electron's utilityProcess side: `process.parentPort`, whose events carry the message in `data`. */
export interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

export function utilityParentPort(parentPort: ParentPortLike): CorePort {
  return {
    send: (message) => parentPort.postMessage(message),
    onMessage: (listener) => {
      const wrapped = (event: { data: unknown }) => listener(event.data);
      parentPort.on('message', wrapped);
      return () => parentPort.off('message', wrapped);
    },
  };
}

/** The parent's side of a forked core. */
export function forkedChildPort(child: ChildProcess): ClientPort {
  return {
    send: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => {
      child.on('message', listener);
      return () => child.off('message', listener);
    },
  };
}

/** Electron main's side of a utilityProcess (UtilityProcess: postMessage + 'message' with the data itself). */
export interface UtilityChildLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

export function utilityChildPort(child: UtilityChildLike): ClientPort {
  return {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => {
      child.on('message', listener);
      return () => child.off('message', listener);
    },
  };
}
