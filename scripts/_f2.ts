import { extractDocument } from '../electron/core/ingest/extract';
import { analyzeText } from '../shared/text/candidates';
import * as h from '../test/helpers/hostile';
const b = h.flatHtml(100000); console.log(b.length);
let t = Date.now(); const d = await extractDocument('f.html', b); console.log('extract', Date.now() - t, d.text.length);
t = Date.now(); const s = analyzeText(d.text); console.log('analyze', Date.now() - t, s.length, process.memoryUsage().rss >> 20);
