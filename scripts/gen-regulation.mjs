// Turns the regulation's text (../shared/reference/regulation-2019.md: 《中华人民共和国政府信息公开条例》,
// 国务院令第711号, public statute text) into server/src/core/data/regulation.json for the editor's hovers:
// articles with their number, chapter, paragraphs and numbered items.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const src = process.argv[2] ?? path.resolve(here, '../../shared/reference/regulation-2019.md');
const out = path.resolve(here, '../server/src/core/data/regulation.json');

const CN = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
function cnNumber(s) {
  if (s === '十') return 10;
  let m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? CN[m[1]] : 1) * 10 + (m[2] ? CN[m[2]] : 0);
  if (s.length === 1) return CN[s];
  return null;
}

export function parseRegulation(text) {
  const articles = [];
  let chapter = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('<!--')) continue;
    const ch = /^##\s+(第.+章\s+.+)$/.exec(line);
    if (ch) {
      chapter = ch[1];
      continue;
    }
    if (line.startsWith('#')) continue;
    const art = /^第([一二三四五六七八九十]+)条[\s\u3000]*(.*)$/.exec(line);
    if (art && cnNumber(art[1]) !== null) {
      articles.push({ number: cnNumber(art[1]), label: `第${art[1]}条`, chapter, paragraphs: [art[2]], items: [] });
      continue;
    }
    const cur = articles[articles.length - 1];
    if (!cur) continue;
    const item = /^[(（]([一二三四五六七八九十]+)[)）](.*)$/.exec(line);
    if (item) cur.items.push({ number: cnNumber(item[1]), label: `（${item[1]}）`, text: item[2] });
    else cur.paragraphs.push(line);
  }
  return { title: '中华人民共和国政府信息公开条例', source: '国务院令第711号（2019年4月3日修订，2019年5月15日施行）', articles };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const data = parseRegulation(readFileSync(src, 'utf8'));
  writeFileSync(out, JSON.stringify(data, null, 1) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), out)}: ${data.articles.length} articles`);
}
