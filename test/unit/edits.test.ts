import { strict as assert } from 'node:assert';
import { applyEdits, applyEditsDetailed, applySafeFixes, lineBreakOf, MAX_FIX_PASSES } from '../../server/src/core/edits';
import type { Diagnostic, Fix, TextEdit } from '../../server/src/core/diagnostics';

function edit(sl: number, sc: number, el: number, ec: number, newText: string): TextEdit {
  return { range: { start: { line: sl, character: sc }, end: { line: el, character: ec } }, newText };
}

function diag(fix: Fix | undefined, rule = 'fake-rule'): Diagnostic {
  return {
    rule,
    severity: 'warning',
    message: { zh: '假', en: 'fake' },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    ...(fix ? { fix } : {}),
  };
}

function fix(edits: TextEdit[], safe = true): Fix {
  return { title: { zh: '修复', en: 'fix' }, edits, safe };
}

/** A fake analysis: every full-width digit ０-９ gets a safe fix turning it into an ASCII digit. */
function fullWidthDigits(text: string): { diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, l) => {
    for (let c = 0; c < line.length; c++) {
      const code = line.charCodeAt(c);
      if (code >= 0xff10 && code <= 0xff19) {
        diagnostics.push(diag(fix([edit(l, c, l, c + 1, String.fromCharCode(code - 0xfee0))])));
      }
    }
  });
  return { diagnostics };
}

describe('applyEdits', () => {
  it('replaces, inserts and deletes by line and UTF-16 character', () => {
    const text = 'ab😀cd\nsecond\nthird';
    // 😀 is two UTF-16 code units: characters 2 and 3.
    const out = applyEdits(text, [edit(0, 2, 0, 4, 'X'), edit(1, 0, 1, 0, '>'), edit(2, 1, 2, 3, '')]);
    assert.equal(out, 'abXcd\n>second\ntrd');
  });

  it('honours \\r\\n and lone \\r line breaks and keeps every byte outside the ranges', () => {
    const text = 'one\r\ntwo\rthree\nfour';
    const out = applyEdits(text, [edit(1, 1, 1, 2, 'W'), edit(2, 0, 2, 5, '3'), edit(3, 4, 3, 4, '!')]);
    assert.equal(out, 'one\r\ntWo\r3\nfour!');
  });

  it('applies edits given in any order, by position', () => {
    const text = 'abcdef';
    const out = applyEdits(text, [edit(0, 4, 0, 5, 'E'), edit(0, 0, 0, 1, 'A'), edit(0, 2, 0, 3, 'C')]);
    assert.equal(out, 'AbCdEf');
  });

  it('edits across lines, joining them', () => {
    assert.equal(applyEdits('ab\ncd\nef', [edit(0, 1, 2, 1, '-')]), 'a-f');
  });

  it('skips an edit that overlaps one starting earlier, and says which', () => {
    const text = 'abcdefgh';
    const r = applyEditsDetailed(text, [edit(0, 2, 0, 5, 'X'), edit(0, 4, 0, 6, 'Y'), edit(0, 6, 0, 7, 'Z')]);
    assert.equal(r.text, 'abXfZh');
    assert.deepEqual(r.applied, [0, 2]);
    assert.deepEqual(r.skipped, [1]);
  });

  it('between two edits with the same start, keeps the first given', () => {
    const r = applyEditsDetailed('abcdef', [edit(0, 1, 0, 3, 'X'), edit(0, 1, 0, 2, 'Y')]);
    assert.equal(r.text, 'aXdef');
    assert.deepEqual(r.skipped, [1]);
    const r2 = applyEditsDetailed('abcdef', [edit(0, 1, 0, 2, 'Y'), edit(0, 1, 0, 3, 'X')]);
    assert.equal(r2.text, 'aYcdef');
  });

  it('applies two insertions at one place in the given order, and touching edits both', () => {
    assert.equal(applyEdits('ac', [edit(0, 1, 0, 1, 'b'), edit(0, 1, 0, 1, 'B')]), 'abBc');
    assert.equal(applyEdits('abcd', [edit(0, 0, 0, 2, 'X'), edit(0, 2, 0, 4, 'Y')]), 'XY');
  });

  it('skips an inverted range and clamps positions past the end of a line or the text', () => {
    const r = applyEditsDetailed('abc\ndef', [edit(0, 2, 0, 1, 'X'), edit(0, 99, 0, 99, '!'), edit(9, 0, 9, 0, '?')]);
    assert.equal(r.text, 'abc!\ndef?');
    assert.deepEqual(r.skipped, [0]);
  });

  it('returns the text unchanged for no edits, and works on empty text', () => {
    assert.equal(applyEdits('same', []), 'same');
    assert.equal(applyEdits('', [edit(0, 0, 0, 0, 'new')]), 'new');
  });
});

describe('lineBreakOf', () => {
  it('finds the first line break', () => {
    assert.equal(lineBreakOf('a\r\nb\nc'), '\r\n');
    assert.equal(lineBreakOf('a\rb'), '\r');
    assert.equal(lineBreakOf('a\nb\r\n'), '\n');
    assert.equal(lineBreakOf('none'), '\n');
  });
});

describe('applySafeFixes', () => {
  it('applies every safe fix and returns the analysis of the final text', () => {
    const out = applySafeFixes('共１２件\n另３件', fullWidthDigits);
    assert.equal(out.text, '共12件\n另3件');
    assert.equal(out.fixes, 3);
    assert.deepEqual(out.result.diagnostics, []);
  });

  it('changes nothing the second time', () => {
    const once = applySafeFixes('ａ１ｂ２', fullWidthDigits);
    const twice = applySafeFixes(once.text, fullWidthDigits);
    assert.equal(twice.text, once.text);
    assert.equal(twice.fixes, 0);
  });

  it('leaves unsafe fixes and fix-less diagnostics alone', () => {
    const analyze = (text: string) => ({
      diagnostics: [diag(fix([edit(0, 0, 0, 1, 'X')], false)), diag(undefined)],
      text,
    });
    const out = applySafeFixes('abc', analyze);
    assert.equal(out.text, 'abc');
    assert.equal(out.fixes, 0);
    assert.equal(out.result.diagnostics.length, 2);
  });

  it('defers a fix that overlaps another to the next pass, and applies each fix whole', () => {
    let calls = 0;
    // Two fixes on overlapping ranges while "old" is there; the second also has an edit elsewhere.
    const analyze = (text: string) => {
      calls++;
      const diagnostics: Diagnostic[] = [];
      if (text.includes('old')) {
        const i = text.indexOf('old');
        diagnostics.push(diag(fix([edit(0, i, 0, i + 3, 'new')])));
        diagnostics.push(diag(fix([edit(0, i + 1, 0, i + 2, 'L'), edit(0, 0, 0, 0, '#')])));
      }
      if (text.includes('tail')) {
        const i = text.indexOf('tail');
        diagnostics.push(diag(fix([edit(0, i, 0, i + 4, 'TAIL')])));
      }
      return { diagnostics };
    };
    const out = applySafeFixes('x old tail', analyze);
    // Pass 1: "new" and "TAIL" (the second fix overlaps the first and is not half applied); pass 2: nothing left.
    assert.equal(out.text, 'x new TAIL');
    assert.equal(out.fixes, 2);
    assert.equal(calls, 2);
  });

  it('does not apply an insertion at the start of a range another fix replaces in the same pass', () => {
    const analyze = (text: string) => ({
      diagnostics: text.startsWith('ab') ? [diag(fix([edit(0, 0, 0, 2, 'AB')])), diag(fix([edit(0, 0, 0, 0, '>')]))] : [],
    });
    const out = applySafeFixes('abc', analyze);
    assert.equal(out.text, 'ABc');
    assert.equal(out.fixes, 1);
  });

  it('writes inserted line breaks in the document\'s own style', () => {
    const analyze = (text: string) => ({
      diagnostics: text.includes('|') ? [diag(fix([edit(0, text.indexOf('|'), 0, text.indexOf('|') + 1, '\nX\r\n')]))] : [],
    });
    assert.equal(applySafeFixes('a|b\r\nc', analyze).text, 'a\r\nX\r\nb\r\nc');
    assert.equal(applySafeFixes('a|b\nc', analyze).text, 'a\nX\nb\nc');
  });

  it('stops after a bounded number of passes when a fix keeps coming back', () => {
    let calls = 0;
    // Always offers to append one more "!": it never converges.
    const analyze = (text: string) => {
      calls++;
      return { diagnostics: [diag(fix([edit(0, text.length, 0, text.length, '!')]))] };
    };
    const out = applySafeFixes('go', analyze);
    assert.equal(out.text, 'go' + '!'.repeat(MAX_FIX_PASSES));
    assert.equal(out.fixes, MAX_FIX_PASSES);
    assert.equal(calls, MAX_FIX_PASSES + 1);
  });

  it('stops when a fix changes nothing', () => {
    let calls = 0;
    const analyze = (_text: string) => {
      calls++;
      return { diagnostics: [diag(fix([edit(0, 0, 0, 1, 'a')]))] };
    };
    const out = applySafeFixes('abc', analyze);
    assert.equal(out.text, 'abc');
    assert.equal(out.fixes, 0);
    assert.equal(calls, 1);
  });
});
