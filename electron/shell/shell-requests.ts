import { z } from 'zod';

/**
 * Requests the renderer makes of the shell itself (not of the core): open a link in the system
 * browser, and say whether a right-click is on document text. They travel on their own channel,
 * are checked against the sender frame like every operation, and are validated here.
 */
export const SHELL_CHANNEL = 'claimbench:shell';

export const shellRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open-external'), url: z.string().min(1).max(8_192) }).strict(),
  z.object({ kind: z.literal('context-selection'), claimable: z.boolean() }).strict(),
]);
export type ShellRequest = z.infer<typeof shellRequestSchema>;

export interface ShellRequestDeps<Sender> {
  isTrustedSender(frame: { url: string; parent?: unknown } | null | undefined): boolean;
  /** Open the link if the person just clicked in `sender` (see user-gesture.ts); true when opened. */
  openLink(sender: Sender, url: string): Promise<boolean>;
  contextSelection(sender: Sender, claimable: boolean): void;
}

export type ShellReply = { ok: true; opened?: boolean } | { ok: false; error: string };

export function createShellRequestHandler<Sender>(deps: ShellRequestDeps<Sender>) {
  return async (
    event: { senderFrame: { url: string; parent?: unknown } | null | undefined; sender: Sender },
    raw: unknown,
  ): Promise<ShellReply> => {
    if (!deps.isTrustedSender(event.senderFrame)) return { ok: false, error: 'This window may not make shell requests.' };
    const parsed = shellRequestSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'Malformed shell request.' };
    const request = parsed.data;
    if (request.kind === 'open-external') return { ok: true, opened: await deps.openLink(event.sender, request.url) };
    deps.contextSelection(event.sender, request.claimable);
    return { ok: true };
  };
}
