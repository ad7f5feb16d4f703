import { Spotter, type SpotterModel } from './model';
import weights from './weights.json';
import calibration from './article-calibration.json';
import type { ArticleCalibration } from './context';

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

/** The article calibration fitted by scripts/calibrate-article.ts on the tune half of eval/checkworthy-news.tsv. */
export function articleCalibration(): ArticleCalibration {
  return calibration as unknown as ArticleCalibration;
}

export { Spotter, type SpotterModel, type SpotterScore } from './model';
