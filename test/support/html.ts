// Parses HTML the way a browser would (jsdom, inert: nothing runs), for assertions on real output.
import { JSDOM } from 'jsdom';

const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;

/** The parsed nodes of an HTML fragment; scripts in it are never executed. */
export function parseFragment(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/** Every element of a parsed fragment, depth first. */
export function elementsOf(fragment: DocumentFragment): Element[] {
  return Array.from(fragment.querySelectorAll('*'));
}

/** Parses an XML document strictly, as a feed reader would; throws with the parser's message if it is not well-formed. */
export function parseXml(xml: string): Document {
  const { DOMParser } = new JSDOM('').window;
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`Kein wohlgeformtes XML: ${error.textContent}`);
  return doc;
}
