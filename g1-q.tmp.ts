import fs from 'node:fs';
import { readNewsLabels, scoreNewsLabels, NEWS_LABELS } from './electron/cli/checkworthy-news';
import { binaryMetrics, averagePrecision, bestF1Threshold } from './shared/spotting/metrics';
import { defaultThreshold } from './shared/spotting/index';
const rows = scoreNewsLabels(readNewsLabels(fs.readFileSync(NEWS_LABELS, 'utf8')));
const s = rows.map(r=>r.score), l = rows.map(r=>r.label);
const t = defaultThreshold();
console.log(t, binaryMetrics(s,l,t), averagePrecision(s,l));
for (const th of [0.1,0.2,0.3,0.4,0.5]) { const m=binaryMetrics(s,l,th); console.log(th, m.precision.toFixed(3), m.recall.toFixed(3), m.tp+m.fp); }
if (process.argv[2]) for (const r of rows.sort((a,b)=>a.score-b.score)) console.log((r.label?'Y':'n'), r.score.toFixed(3), r.text.slice(0,110));
