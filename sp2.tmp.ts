import { proseSentences } from './shared/text/candidates';
import { attributeSentences } from './shared/spotting/claimant';
import { gumArticles } from './test/helpers/corpus';
const arts = gumArticles().map(a=>a.text); const parts:string[]=[]; let size=0;
for (let i=0; size<1_000_000; i++){ const a=arts[i%arts.length]!; parts.push(a); size+=a.length; }
const ss = proseSentences(parts.join('\n\n')).map(s=>s.text);
for (let k=0;k<6;k++) attributeSentences(ss);
