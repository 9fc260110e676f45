import { strict as assert } from 'node:assert';
import { decodeReport, encodeReport, type Encoding } from '../../server/src/cli/decode';

const TEXT = '2023年度政府信息公开工作年度报告\r\n一、总体情况\n表三：收到和处理政府信息公开申请情况 😀\n';

/** GB18030 bytes of a short Chinese text, written out by hand (no encoder in Node). */
const GB_BYTES = Buffer.from([
  // 政 府 信 息 公 开
  0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa,
  // \r\n 1 2 件
  0x0d, 0x0a, 0x31, 0x32, 0xbc, 0xfe,
]);

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

function ok(bytes: Uint8Array, path = 'r.txt'): { text: string; encoding: Encoding } {
  const r = decodeReport(bytes, path);
  if (!r.ok) assert.fail(`expected text, got: ${r.message.en}`);
  return { text: r.text, encoding: r.encoding };
}

function notText(bytes: Uint8Array, path = 'r.txt'): { zh: string; en: string } {
  const r = decodeReport(bytes, path);
  if (r.ok) assert.fail(`expected a rejection, got text in ${r.encoding}`);
  // One line, never a stack trace.
  assert.ok(!/\n/.test(r.message.en) && !/\n/.test(r.message.zh));
  assert.ok(!/\bat \S+ \(/.test(r.message.en));
  return r.message;
}

describe('decodeReport', () => {
  it('reads UTF-8 without BOM', () => {
    assert.deepEqual(ok(Buffer.from(TEXT, 'utf8')), { text: TEXT, encoding: 'utf-8' });
  });

  it('reads UTF-8 with BOM and strips the BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]);
    assert.deepEqual(ok(bytes), { text: TEXT, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 LE and BE with BOM, surrogate pairs included', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]);
    assert.deepEqual(ok(le), { text: TEXT, encoding: 'utf-16le' });
    assert.deepEqual(ok(be), { text: TEXT, encoding: 'utf-16be' });
  });

  it('reads GB18030 (GBK) text that is not valid UTF-8', () => {
    assert.deepEqual(ok(GB_BYTES), { text: '政府信息公开\r\n12件', encoding: 'gb18030' });
  });

  it('reads plain ASCII as UTF-8 and an empty file as empty text', () => {
    assert.deepEqual(ok(Buffer.from('abc\n')), { text: 'abc\n', encoding: 'utf-8' });
    assert.deepEqual(ok(Buffer.alloc(0)), { text: '', encoding: 'utf-8' });
  });

  it('names a .docx file, by extension or by its contents', () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), Buffer.from('[Content_Types].xml word/document.xml')]);
    const m = notText(zip, '报告.docx');
    assert.equal(m.en, 'this is a Word (.docx) file; save it as text (.txt) or Markdown first');
    assert.match(m.zh, /Word（\.docx）文件/);
    assert.equal(notText(zip, 'renamed.txt').en, m.en);
  });

  it('names .xlsx, OFD and other zip files', () => {
    const head = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
    assert.match(notText(Buffer.concat([head, Buffer.from('xl/workbook.xml')]), 'a.txt').en, /Excel \(\.xlsx\)/);
    assert.match(notText(head, 'a.xlsx').en, /Excel/);
    assert.match(notText(Buffer.concat([head, Buffer.from('OFD.xml')]), 'a.txt').en, /OFD/);
    assert.match(notText(Buffer.concat([head, Buffer.from('data.bin')]), 'a.zip').en, /zip archive/);
  });

  it('names PDF and old Word/WPS (OLE) files', () => {
    assert.match(notText(Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'a.pdf').en, /^this is a PDF file/);
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const m = notText(ole, 'a.wps');
    assert.match(m.en, /old Word \/ WPS/);
    assert.match(m.zh, /旧版 Word \/ WPS/);
  });

  it('names RTF files', () => {
    assert.match(notText(Buffer.from('{\\rtf1\\ansi 政府}'), 'a.txt').en, /RTF/);
  });

  it('calls binary data and undecodable bytes "not a text file"', () => {
    assert.match(notText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])).en, /^not a text file/);
    // 0xFF can start nothing in UTF-8 nor in GB18030.
    assert.match(notText(Buffer.from([0x41, 0xff, 0xff, 0x41])).en, /^not a text file/);
  });

  it('recognises UTF-16 without a BOM and says so', () => {
    assert.match(notText(Buffer.from('plain ascii text in utf-16', 'utf16le')).en, /UTF-16 without a byte order mark/);
  });

  it('rejects broken UTF-16 and broken UTF-8 after a BOM', () => {
    // A lone high surrogate.
    assert.match(notText(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8])).en, /UTF-16/);
    assert.match(notText(Buffer.from([0xef, 0xbb, 0xbf, 0xc3, 0x28])).en, /UTF-8/);
  });
});

describe('encodeReport', () => {
  const cases: [Encoding, Buffer][] = [
    ['utf-8', Buffer.from(TEXT, 'utf8')],
    ['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)])],
  ];
  for (const [encoding, bytes] of cases) {
    it(`writes ${encoding} back byte for byte`, () => {
      const decoded = ok(bytes);
      assert.equal(decoded.encoding, encoding);
      assert.deepEqual(encodeReport(decoded.text, encoding), bytes);
    });
  }

  it('refuses GB18030', () => {
    assert.equal(encodeReport('政府', 'gb18030'), null);
  });
});
