// The few parts of pdfkit 0.20 (which ships no types) that the assurance reports use
// (docs/decisions/0008-pdf-reports.md). Checked against node_modules/pdfkit/js/pdfkit.js.
declare module 'pdfkit' {
  import { Readable } from 'node:stream';

  interface PDFDocumentOptions {
    size?: string | [number, number];
    margin?: number;
    bufferPages?: boolean;
    info?: { Title?: string; Author?: string; Subject?: string; Creator?: string; CreationDate?: Date };
  }

  interface TextOptions {
    width?: number;
    align?: 'left' | 'center' | 'right' | 'justify';
    continued?: boolean;
    lineGap?: number;
    paragraphGap?: number;
    indent?: number;
  }

  class PDFDocument extends Readable {
    constructor(options?: PDFDocumentOptions);
    x: number;
    y: number;
    readonly page: { width: number; height: number; margins: { top: number; bottom: number; left: number; right: number } };
    font(name: string): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    strokeColor(color: string): this;
    lineWidth(width: number): this;
    text(text: string, options?: TextOptions): this;
    text(text: string, x: number, y: number, options?: TextOptions): this;
    moveDown(lines?: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    stroke(): this;
    rect(x: number, y: number, width: number, height: number): this;
    fill(color?: string): this;
    heightOfString(text: string, options?: TextOptions): number;
    addPage(): this;
    bufferedPageRange(): { start: number; count: number };
    switchToPage(index: number): this;
    end(): void;
  }

  export = PDFDocument;
}
