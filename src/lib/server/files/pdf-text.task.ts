// Child-process task (src/lib/server/workers/child-process.ts): the text of a PDF, page by page with unpdf (pdf.js).
// Pages are read one after another and their resources released as it goes, so the memory a long document needs
// stays near that of a page, not of all pages at once (unpdf's extractText reads every page in parallel).
import { getDocumentProxy } from 'unpdf';

/** How often the document's caches (fonts, parsed pages) are released. */
const CLEANUP_EVERY_PAGES = 100;

/** A page's text as unpdf's extractText has it: the items' strings, a line break where pdf.js saw one. */
function pageText(items: readonly object[]): string {
  return items.map((item) => ('str' in item ? `${item.str as string}${'hasEOL' in item && item.hasEOL ? '\n' : ''}` : '')).join('');
}

/** The text of a PDF, pages joined as unpdf's `mergePages` does; throws when the file cannot be read as a PDF. */
export default async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(bytes);
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      pages.push(pageText((await page.getTextContent()).items));
      page.cleanup();
      if (number % CLEANUP_EVERY_PAGES === 0) await pdf.cleanup();
    }
    const merged = pages.join('\n').replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n');
    return merged.replace(/\s+\n/g, '\n').trim();
  } finally {
    await pdf.loadingTask.destroy();
  }
}
