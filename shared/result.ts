import type { Touched } from './touched';

/** Every code an operation's refusal may carry. BUSY: another writer held the workspace past the busy timeout; retrying later succeeds. */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'UNKNOWN_OPERATION',
  'FORBIDDEN',
  'NOT_A_WORKSPACE',
  'NEWER_VERSION',
  'CORRUPT',
  'IO',
  'UNSUPPORTED_FORMAT',
  'DUPLICATE',
  'CANCELLED',
  'CONFLICT',
  'BUSY',
  'INTERNAL',
] as const;

/** The envelope every operation result crosses the process boundary in. */
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
}

/** `touched`: what the operation changed in the workspace, when it changed anything. */
export type Result<T> =
  | { ok: true; value: T; touched?: Touched }
  | { ok: false; error: ApiErrorShape; touched?: Touched };

/** Thrown by core handlers for errors a user can act on; anything else is INTERNAL. */
export class ClaimbenchError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ClaimbenchError';
  }
}

export function isClaimbenchError(e: unknown): e is ClaimbenchError {
  return e instanceof Error && e.name === 'ClaimbenchError' && 'code' in e;
}
