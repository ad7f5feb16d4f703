import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
for (const depth of [2000, 5000, 10000]) {
const html = `<html><body>${'<div>'.repeat(depth)}The ministry said 7 bridges closed.${'</div>'.repeat(depth)}</body></html>`;
let t0 = Date.now();
const dom = new JSDOM(html, { virtualConsole: new VirtualConsole(), url: 'about:blank' });
const t1 = Date.now();
const clone = dom.window.document.cloneNode(true);
const t2 = Date.now();
try { new Readability(clone, { charThreshold: 200 }).parse(); } catch (e) { console.log('R ERR', (e as Error).message); }
console.log(depth, 'jsdom', t1 - t0, 'clone', t2 - t1, 'readability', Date.now() - t2);
}
