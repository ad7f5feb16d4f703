import fs from 'node:fs';
import { analyzeText } from './shared/text/candidates';
const dir = '../shared/corpus/news_ru/ru_wikinews_nerel/';
let n=0,f=0;
for (const file of fs.readdirSync(dir)) { const r = analyzeText(fs.readFileSync(dir+file,'utf8')); n+=r.length; f+=r.filter(s=>s.checkWorthy).length; }
console.log('ru', n, f);
const one = analyzeText(fs.readFileSync(dir+fs.readdirSync(dir)[0],'utf8'));
for (const s of one.slice(0,12)) console.log(s.checkWorthy?'Y':'-', s.score.toFixed(2), s.text.slice(0,90));
