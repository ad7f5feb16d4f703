import { analyzeText } from './shared/text/candidates';
import { gumArticles } from './test/helpers/corpus';
const arts = gumArticles().map(a=>a.text);
for (let r=0;r<80;r++) for (const a of arts) analyzeText(a);
