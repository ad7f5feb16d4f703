import { proseSentences, analyzeText } from '/work/wt-15/shared/text/candidates';
import { attributeSentences } from '/work/wt-15/shared/spotting/claimant';
import { defaultSpotter } from '/work/wt-15/shared/spotting/index';
import { segmentSentences } from '/work/wt-15/shared/text/segment';
import { gumArticles } from '/work/wt-15/test/helpers/corpus';
const arts = gumArticles().map(a=>a.text); const parts:string[]=[]; let size=0;
for (let i=0; size<2_000_000; i++){ const a=arts[i%arts.length]!; parts.push(a); size+=a.length; }
const text = parts.join('\n\n'); const mb = Buffer.byteLength(text)/1048576;
const time = (f:()=>void) => { const r:number[]=[]; for (let i=0;i<3;i++){ const t=performance.now(); f(); r.push(performance.now()-t);} return r.sort((a,b)=>a-b)[1]!; };
analyzeText(text.slice(0,50000));
const paragraphs = text.split('\n');
const icu = time(()=>{ const seg=new Intl.Segmenter('en',{granularity:'sentence'}); for (const p of paragraphs) for (const _ of seg.segment(p)) {} });
const ss = proseSentences(text);
const seg = time(()=>segmentSentences(text,'en'));
const sp = defaultSpotter();
const score = time(()=>{ for (const s of ss) sp.score(s.text); });
const attr = time(()=>attributeSentences(ss.map(s=>s.text)));
const all = time(()=>analyzeText(text));
console.log(`icu ${icu.toFixed(0)}ms seg ${seg.toFixed(0)} score ${score.toFixed(0)} attr ${attr.toFixed(0)} all ${all.toFixed(0)}; ours ${(mb/(all/1000)).toFixed(2)} MB/s vs icu ${(mb/(icu/1000)).toFixed(2)} ratio ${(icu/all).toFixed(3)}`);
