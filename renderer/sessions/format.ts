import type { QueueState } from '../../shared/sessions';

/** "1:05:09" or "4:07": a running clock. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** "45 s", "3 min 20 s", "1 h 5 min": a duration a person reads. */
export function duration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return 'under 1 s';
  const total = Math.round(ms / 1000);
  if (total < 60) return `${total} s`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return s > 0 ? `${m} min ${s} s` : `${m} min`;
}

/** "14:05" for today, "3 Mar, 14:05" for another day. */
export function timeOfDay(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (d.toDateString() === now.toDateString()) return time;
  return `${d.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}, ${time}`;
}

/** A check-worthiness score as a percentage. */
/** A check-worthiness score as the claim's detail shows it (0.97), or how a claim without one was made. */
export function scoreText(score: number | null): string {
  return score === null ? 'by hand' : score.toFixed(2);
}

export const STATE_CLASS: Record<QueueState, string> = {
  pending: 'state-pending',
  done: 'state-done',
  skipped: 'state-skipped',
  later: 'state-later',
};

export function defaultSessionName(now: Date = new Date()): string {
  // With the time: several sessions a day each get a name of their own.
  const day = now.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
  const time = now.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return `Session, ${day}, ${time}`;
}
