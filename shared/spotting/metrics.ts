/** Precision, recall and F1 of the positive class at a threshold. */
export function binaryMetrics(scores: number[], labels: boolean[], threshold: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    const predicted = s >= threshold;
    if (predicted && labels[i]) tp++;
    else if (predicted) fp++;
    else if (labels[i]) fn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

/** Average precision (area under the precision-recall curve, step-wise, as scikit-learn computes it). */
export function averagePrecision(scores: number[], labels: boolean[]): number {
  const order = scores.map((s, i) => [s, labels[i]!] as const).sort((a, b) => b[0] - a[0]);
  const positives = labels.filter(Boolean).length;
  if (positives === 0) return 0;
  let tp = 0;
  let seen = 0;
  let ap = 0;
  let prevRecall = 0;
  for (let i = 0; i < order.length; i++) {
    seen++;
    if (order[i]![1]) tp++;
    // Ties share one threshold: only score the last item of a run of equal scores.
    if (i + 1 < order.length && order[i + 1]![0] === order[i]![0]) continue;
    const recall = tp / positives;
    ap += (recall - prevRecall) * (tp / seen);
    prevRecall = recall;
  }
  return ap;
}

/** The threshold (midpoint between adjacent distinct scores) that maximises F1 of the positive class. */
export function bestF1Threshold(scores: number[], labels: boolean[]): { threshold: number; f1: number } {
  const order = scores.map((s, i) => [s, labels[i]!] as const).sort((a, b) => b[0] - a[0]);
  const positives = labels.filter(Boolean).length;
  let tp = 0;
  let best = { threshold: 0.5, f1: 0 };
  for (let i = 0; i < order.length; i++) {
    if (order[i]![1]) tp++;
    if (i + 1 < order.length && order[i + 1]![0] === order[i]![0]) continue;
    const predicted = i + 1;
    const f1 = (2 * tp) / (predicted + positives);
    if (f1 > best.f1) {
      const next = order[i + 1]?.[0] ?? 0;
      best = { threshold: (order[i]![0] + next) / 2, f1 };
    }
  }
  return best;
}

/**
 * How a check-worthiness ranking is judged per debate (CLEF CheckThat! style): F1 of the positive class at a
 * fixed threshold over all sentences together, and the mean over debates of each debate's average precision
 * (MAP: every debate counts once, whatever its length). Debates without a positive sentence are left out of MAP.
 */
export function debateMetrics(debates: readonly { scores: number[]; labels: boolean[] }[], threshold: number) {
  const pooled = binaryMetrics(
    debates.flatMap((d) => d.scores),
    debates.flatMap((d) => d.labels),
    threshold,
  );
  const aps = debates.filter((d) => d.labels.some(Boolean)).map((d) => averagePrecision(d.scores, d.labels));
  const map = aps.length === 0 ? 0 : aps.reduce((a, b) => a + b, 0) / aps.length;
  return { ...pooled, map, debates: aps.length };
}
