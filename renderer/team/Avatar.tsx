import { initialOf } from './format';

/** A stable hue per person, so the same teammate looks the same in every list. */
function hueOf(actorId: string): number {
  let h = 0;
  for (const ch of actorId) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

/** A person's initial in a tinted circle; always shown next to their name, never instead of it. */
export function Avatar({ name, actorId, size = 24 }: { name: string; actorId: string; size?: number }) {
  return (
    <span
      className="team-avatar"
      aria-hidden
      style={{ width: size, height: size, fontSize: Math.round(size * 0.46), ['--avatar-hue' as string]: hueOf(actorId) }}
    >
      {initialOf(name)}
    </span>
  );
}
