/**
 * The claim the checker was on in each scope (a document, or All claims), for as long as the window
 * is open: leaving a document and coming back finds the same claim selected, not the first one.
 * Immutable, so the workbench reducer can keep it in its state.
 */
export type ScopePlaces = Readonly<Record<string, string>>;

export const noPlaces: ScopePlaces = {};

const ALL_CLAIMS = '';

/** Remember `claimId` as the place in `documentId`'s scope (null: All claims); no claim forgets the place. */
export function keepPlace(places: ScopePlaces, documentId: string | null, claimId: string | null): ScopePlaces {
  const scope = documentId ?? ALL_CLAIMS;
  if (claimId === null) {
    if (!(scope in places)) return places;
    const { [scope]: _forgotten, ...rest } = places;
    return rest;
  }
  return places[scope] === claimId ? places : { ...places, [scope]: claimId };
}

/** The claim last selected in `documentId`'s scope, or null when the checker has not been there yet. */
export function placeIn(places: ScopePlaces, documentId: string | null): string | null {
  return places[documentId ?? ALL_CLAIMS] ?? null;
}
