import fs from 'node:fs';
import { analyzeText } from './shared/text/candidates';
const t = fs.readFileSync('/work/shared/corpus/news_ru/ru_wikinews_nerel/192238_text.txt','utf8');
for (const s of analyzeText(t)) console.log(s.anchor.start, s.claimant, s.text.slice(0,90));
