import { Readable } from 'node:stream';
import { readCsv } from './csv-reader';

async function rows(chunks: string[]) {
  const result: { line: number; cells: string[] }[] = [];
  for await (const row of readCsv(Readable.from(chunks.map((chunk) => Buffer.from(chunk))))) result.push(row);
  return result;
}

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
});
