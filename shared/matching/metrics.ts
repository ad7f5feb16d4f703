/** Ranking metrics over queries: MAP@k (TREC style, divided by min(relevant, k)), MRR, recall@k. */
export interface RankingScores {
  map5: number;
  mrr: number;
  recall1: number;
  recall5: number;
  queries: number;
}

export function rankingScores(ranked: string[][], relevant: Set<string>[], k = 5): RankingScores {
  let map = 0;
  let mrr = 0;
  let r1 = 0;
  let r5 = 0;
  ranked.forEach((list, i) => {
    const rel = relevant[i]!;
    let hits = 0;
    let ap = 0;
    let firstHit = 0;
    list.forEach((id, j) => {
      if (!rel.has(id)) return;
      if (!firstHit) firstHit = j + 1;
      if (j < k) {
        hits++;
        ap += hits / (j + 1);
      }
    });
    map += rel.size ? ap / Math.min(rel.size, k) : 0;
    mrr += firstHit ? 1 / firstHit : 0;
    r1 += list.slice(0, 1).filter((id) => rel.has(id)).length / Math.max(1, rel.size);
    r5 += list.slice(0, k).filter((id) => rel.has(id)).length / Math.max(1, rel.size);
  });
  const n = ranked.length || 1;
  return { map5: map / n, mrr: mrr / n, recall1: r1 / n, recall5: r5 / n, queries: ranked.length };
}
