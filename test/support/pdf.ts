/** Reads a PDF back with pdf.js (Mozilla's parser): text per page and the document's metadata. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  readonly pages: string[];
  /** Each page's size in points (Letter portrait is 612 × 792). */
  readonly sizes: { width: number; height: number }[];
  readonly title: string | undefined;
  /** The catalog's /Lang. */
  readonly lang: string | undefined;
  readonly displayTitle: boolean;
}

export async function readPdf(data: Uint8Array): Promise<PdfText> {
  const doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    const sizes: { width: number; height: number }[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const { width, height } = page.getViewport({ scale: 1 });
      sizes.push({ width: Math.round(width), height: Math.round(height) });
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join(''));
    }
    const meta = await doc.getMetadata();
    const info = meta.info as { Title?: string; Language?: string };
    const raw = Buffer.from(data).toString('latin1');
    return {
      pages,
      sizes,
      title: info.Title,
      lang: info.Language ?? /\/Lang \(([^)]*)\)/u.exec(raw)?.[1],
      displayTitle: /\/DisplayDocTitle true/u.test(raw),
    };
  } finally {
    await doc.destroy();
  }
}
