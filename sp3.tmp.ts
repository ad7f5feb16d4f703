import { proseSentences } from './shared/text/candidates';
import { attributeSentences } from './shared/spotting/claimant';
import { nonProseKind } from './shared/text/news-structure';
import { defaultSpotter } from './shared/spotting/index';
import { resolveClaimants as oldResolve } from '/tmp/mainshared/shared/spotting/claimant';
import { gumArticles } from './test/helpers/corpus';
const arts = gumArticles().map(a=>a.text); const parts:string[]=[]; let size=0;
for (let i=0; size<1_000_000; i++){ const a=arts[i%arts.length]!; parts.push(a); size+=a.length; }
const text = parts.join('\n\n');
const ss = proseSentences(text).map(s=>s.text);
const sp = defaultSpotter();
const t: Record<string, number> = { seg: 0, score: 0, attr: 0, oldAttr: 0, nonprose: 0 };
for (let k=0;k<3;k++) {
  let x=performance.now(); proseSentences(text); t.seg+=performance.now()-x;
  x=performance.now(); for (const s of ss) sp.score(s); t.score+=performance.now()-x;
  x=performance.now(); attributeSentences(ss); t.attr+=performance.now()-x;
  x=performance.now(); oldResolve(ss); t.oldAttr+=performance.now()-x;
  x=performance.now(); for (const s of ss) nonProseKind(s); t.nonprose+=performance.now()-x;
}
console.log(Object.entries(t).map(([k,v])=>`${k} ${(v/3).toFixed(0)}`).join('  '));
