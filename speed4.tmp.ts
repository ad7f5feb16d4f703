import { analyzeText } from './shared/text/candidates';
import { analyzeText as oldAnalyze } from '/tmp/mainshared/shared/text/candidates';
import { gumArticles } from './test/helpers/corpus';
const arts = gumArticles().map(a=>a.text); const parts:string[]=[]; let size=0;
for (let i=0; size<2_000_000; i++){ const a=arts[i%arts.length]!; parts.push(a); size+=a.length; }
const text = parts.join('\n\n'); const mb = Buffer.byteLength(text)/1048576;
const paragraphs = text.split('\n');
const t = { icu: 0, old: 0, now: 0 };
analyzeText(text.slice(0, 50000)); oldAnalyze(text.slice(0, 50000));
for (let k=0;k<3;k++) {
  let a=performance.now(); const seg=new Intl.Segmenter('en',{granularity:'sentence'}); for (const p of paragraphs) for (const _ of seg.segment(p)) {} t.icu+=performance.now()-a;
  a=performance.now(); oldAnalyze(text); t.old+=performance.now()-a;
  a=performance.now(); analyzeText(text); t.now+=performance.now()-a;
}
const r = (ms:number)=> (mb/(ms/3000)).toFixed(2);
console.log(`MB/s: Intl.Segmenter ${r(t.icu)}  main ${r(t.old)} (ratio ${(t.icu/t.old).toFixed(3)})  this branch ${r(t.now)} (ratio ${(t.icu/t.now).toFixed(3)})`);
