import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { CheckSession } from '../../shared/sessions';
import { operationQuery } from '../api/queries';

/** A session's sign of life to the core: sessions.get about once a minute while it is on screen. */
const SIGN_OF_LIFE_MS = 60_000;

export function useSession(id: string | null, { poll = false }: { poll?: boolean } = {}) {
  return useQuery({
    ...operationQuery('sessions.get', { id: id ?? '' }),
    enabled: id !== null,
    refetchInterval: poll ? SIGN_OF_LIFE_MS : false,
    refetchIntervalInBackground: true,
  });
}

/** The session's elapsed time, ticking locally from the last fetch while it is active. */
export function useElapsed(session: CheckSession | undefined, fetchedAt: number): number {
  const active = session?.status === 'active';
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, [active]);
  if (!session) return 0;
  return active ? session.elapsedMs + Math.max(0, now - fetchedAt) : session.elapsedMs;
}
