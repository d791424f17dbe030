import { Readable } from 'node:stream';
import { MAX_ROW_BYTES, readCsv } from './csv-reader';

async function readChunks(chunks: Iterable<Buffer> | AsyncIterable<Buffer>) {
  const result: { line: number; cells: string[] }[] = [];
  for await (const row of readCsv(Readable.from(chunks))) result.push(row);
  return result;
}

function rows(chunks: string[]) {
  return readChunks(chunks.map((chunk) => Buffer.from(chunk)));
}

/** The bytes in chunks of `size` bytes (the last may be shorter). */
function chunked(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.subarray(start, start + size));
  return chunks;
}

/**
 * The same text and the same cells are in apps/web/src/finance/sheet-cells.spec.ts: the API and the browser read
 * CSV by the same rules (docs/decisions/0019-csv-parsing.md). A byte-order mark, CRLF, a quoted comma, doubled
 * quotes, a line break inside quotes, a quote inside an unquoted field, a lone CR, a blank line, empty fields
 * and two- and three-byte characters.
 */
const SHARED_FIXTURE =
  '\uFEFFCCG,Name,Amount (£),Note\r\n02V,"NHS Leeds North, West and East CCG",£1250000.50,"Café ""Le Thé"" – open\r\n9–5"\r\n03X,,,\r\n\r\n04Y,Ørsted a"b,x\ry,€\r\n';
const SHARED_FIXTURE_CELLS = [
  ['CCG', 'Name', 'Amount (£)', 'Note'],
  ['02V', 'NHS Leeds North, West and East CCG', '£1250000.50', 'Café "Le Thé" – open\r\n9–5'],
  ['03X', '', '', ''],
  [''],
  ['04Y', 'Ørsted a"b', 'x\ry', '€'],
];

describe('readCsv', () => {
  it('reads the header as line 1 and data rows with their line numbers', async () => {
    expect(await rows(['a,b\n1,2\n3,4\n'])).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
  });

  it('keeps commas and escaped quotes inside quoted fields', async () => {
    expect((await rows(['name,n\n"NHS DURHAM DALES, EASINGTON AND SEDGEFIELD CCG",1\n"say ""hi""",2\n'])).slice(1)).toEqual([
      { line: 2, cells: ['NHS DURHAM DALES, EASINGTON AND SEDGEFIELD CCG', '1'] },
      { line: 3, cells: ['say "hi"', '2'] },
    ]);
  });

  it('handles an escaped quote split across two chunks', async () => {
    expect((await rows(['h\n"a"', '"b"\n']))[1].cells).toEqual(['a"b']);
  });

  it('reads a file mixing plain and quoted rows, split anywhere across chunks, with the right cells and line numbers', async () => {
    expect(await rows(['h,i\n1,2\r\n3,', '4\n5,"six\nlines",x\n', '7,8\n9,10'])).toEqual([
      { line: 1, cells: ['h', 'i'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
      { line: 4, cells: ['5', 'six\nlines', 'x'] },
      { line: 6, cells: ['7', '8'] },
      { line: 7, cells: ['9', '10'] },
    ]);
  });

  it('counts lines inside a quoted field with a line break', async () => {
    expect(await rows(['h,i\n"two\nlines",x\nnext,y\n'])).toEqual([
      { line: 1, cells: ['h', 'i'] },
      { line: 2, cells: ['two\nlines', 'x'] },
      { line: 4, cells: ['next', 'y'] },
    ]);
  });

  it('strips a byte-order mark and CRLF line endings, and reads a last line without a newline', async () => {
    expect(await rows(['\ufeffa,b\r\n1,2\r\n3,4'])).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
  });

  it('yields nothing for an empty file', async () => {
    expect(await rows([])).toEqual([]);
  });

  it('yields a blank line as one empty cell, keeping the line numbers after it', async () => {
    expect(await rows(['h\n\n  \nx\n'])).toEqual([
      { line: 1, cells: ['h'] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['  '] },
      { line: 4, cells: ['x'] },
    ]);
  });

  it('reads LF and CRLF mixed in one file, a CRLF split across chunks, and keeps a lone CR as text', async () => {
    expect(await rows(['a\r', '\nb\nc\rd\r\n'])).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: ['b'] },
      { line: 3, cells: ['c\rd'] },
    ]);
  });

  it('keeps a quote inside an unquoted field, or text after a closing quote, as written', async () => {
    expect((await rows(['h,i\nST. MARY"S,"a"b\n']))[1].cells).toEqual(['ST. MARY"S', '"a"b']);
  });

  it('reads the fixture shared with the browser as the same cells, with the line each row starts on', async () => {
    const read = await rows([SHARED_FIXTURE]);
    expect(read.map((row) => row.cells)).toEqual(SHARED_FIXTURE_CELLS);
    expect(read.map((row) => row.line)).toEqual([1, 2, 4, 5, 6]);
  });

  describe('multi-byte characters across chunk boundaries', () => {
    const bytes = Buffer.from(SHARED_FIXTURE, 'utf8');

    it.each([1, 2, 3, 5])('reads the file fed in %d-byte chunks intact', async (size) => {
      expect((await readChunks(chunked(bytes, size))).map((row) => row.cells)).toEqual(SHARED_FIXTURE_CELLS);
    });

    it('reads the file intact split in two at every byte', async () => {
      for (let at = 1; at < bytes.length; at++) {
        const read = await readChunks([bytes.subarray(0, at), bytes.subarray(at)]);
        expect({ at, cells: read.map((row) => row.cells) }).toEqual({ at, cells: SHARED_FIXTURE_CELLS });
      }
    });

    it('strips a byte-order mark that arrives one byte at a time', async () => {
      expect(await readChunks(chunked(Buffer.from('\uFEFFh\n£\n'), 1))).toEqual([
        { line: 1, cells: ['h'] },
        { line: 2, cells: ['£'] },
      ]);
    });
  });

  describe('refuses, naming the line, rather than guessing', () => {
    const notUtf8 = { code: 'BAD_USER_INPUT', reason: 'IMPORT_CSV_NOT_UTF8' };

    it.each([
      ['a Windows-1252 £ (one byte 0xA3)', Buffer.from([0x68, 0x0a, 0x6f, 0x6b, 0x0a, 0xa3, 0x31, 0x0a])],
      ['a three-byte character cut short', Buffer.from([0x68, 0x0a, 0x6f, 0x6b, 0x0a, 0xe2, 0x80, 0x2c, 0x78, 0x0a])],
      ['a character cut short at the end of the file', Buffer.from([0x68, 0x0a, 0x6f, 0x6b, 0x0a, 0xc2])],
    ])('bytes that are not UTF-8: %s', async (_case, bytes) => {
      for (const size of [1, 2, 3, bytes.length]) {
        await expect(readChunks(chunked(bytes, size))).rejects.toMatchObject({ ...notUtf8, details: { line: 3 }, message: expect.stringMatching(/^Line 3: .*UTF-8/) });
      }
    });

    it('a quote that is never closed, at the line where its row starts', async () => {
      await expect(rows(['h\nok\n"open\nmore\n'])).rejects.toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IMPORT_CSV_INVALID', details: { line: 3 }, message: expect.stringMatching(/^Line 3: a quoted field is never closed/) });
    });

    it('a row longer than MAX_ROW_BYTES', async () => {
      await expect(rows(['h\nok\n', 'x'.repeat(MAX_ROW_BYTES + 10), '\n'])).rejects.toMatchObject({ reason: 'IMPORT_CSV_INVALID', details: { line: 3 } });
    });
  });

  it('passes on an error of the stream it reads', async () => {
    async function* failing() {
      yield Buffer.from('h\n1\n');
      throw new Error('disk gone');
    }
    await expect(readChunks(failing())).rejects.toThrow('disk gone');
  });
});
