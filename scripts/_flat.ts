import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import * as h from '../test/helpers/hostile';
for (const n of [5000, 10000, 20000]) {
  const s = Buffer.from(h.flatHtml(n)).toString();
  let t = Date.now();
  const dom = new JSDOM(s, { virtualConsole: new VirtualConsole(), url: 'about:blank' });
  const tp = Date.now() - t; t = Date.now();
  const c = dom.window.document.cloneNode(true) as Document; const tc = Date.now() - t; t = Date.now();
  new Readability(c, { charThreshold: 200 }).parse();
  console.log(n, 'parse', tp, 'clone', tc, 'readability', Date.now() - t, process.memoryUsage().rss >> 20);
}
