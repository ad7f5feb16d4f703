import { Spotter, type SpotterModel } from './model';
import weights from './weights.json';

let shipped: Spotter | null = null;

/** The spotter trained by scripts/train-spotter.ts and shipped in weights.json. */
export function defaultSpotter(): Spotter {
  shipped ??= new Spotter(weights as unknown as SpotterModel);
  return shipped;
}

/** The decision threshold the shipped model was tuned for; a workspace may override it. */
export function defaultThreshold(): number {
  return defaultSpotter().threshold;
}

export { Spotter, type SpotterModel, type SpotterScore } from './model';
