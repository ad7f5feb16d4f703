import { proseSentences } from './shared/text/candidates';
import { defaultSpotter } from './shared/spotting/index';
import { defaultSpotter as oldSpotter } from '/tmp/mainshared/shared/spotting/index';
import { gumArticles } from './test/helpers/corpus';
const arts = gumArticles().map(a=>a.text); const parts:string[]=[]; let size=0;
for (let i=0; size<1_000_000; i++){ const a=arts[i%arts.length]!; parts.push(a); size+=a.length; }
const ss = proseSentences(parts.join('\n\n')).map(s=>s.text);
const a = defaultSpotter(), b = oldSpotter(); const t = { now: 0, old: 0 };
for (let k=0;k<4;k++) { let x=performance.now(); for (const s of ss) a.score(s); t.now+=performance.now()-x; x=performance.now(); for (const s of ss) b.score(s); t.old+=performance.now()-x; }
let diff=0; for (const s of ss) if (a.score(s).score !== b.score(s).score) diff++;
console.log(`now ${t.now.toFixed(0)} old ${t.old.toFixed(0)} ratio ${(t.now/t.old).toFixed(2)} diffs ${diff}`);
