/**
 * Layers (optional content) hidden when the document opens. pdf.js hands out
 * their text and drawing as if they were shown, so a mark on a page that
 * draws in one may be one nobody sees: last year's answers kept in a hidden
 * layer, say.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface Layers {
  isVisible(group: unknown): boolean;
}

export interface LayerOps {
  beginMarkedContent: number;
  beginMarkedContentProps: number;
  endMarkedContent: number;
}

/**
 * The document's layer settings where it has layers; null where it has none, as in most files. Every layer may
 * be on and content still hidden: a membership dictionary can show it only when its layers are off.
 */
export async function layerSettings(doc: PDFDocumentProxy): Promise<Layers | null> {
  const config = await doc.getOptionalContentConfig();
  for (const _ of config) return config;
  return null;
}

/** Whether a page's operator list draws anything inside a layer that is switched off. */
export function drawsHidden(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, layers: Layers, ops: LayerOps): boolean {
  const hidden: boolean[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === ops.beginMarkedContent || fn === ops.beginMarkedContentProps) {
      const args = argsArray[i] as unknown[] | null;
      const off = fn === ops.beginMarkedContentProps && args?.[0] === 'OC' && !layers.isVisible(args[1]);
      hidden.push((hidden.at(-1) ?? false) || off);
    } else if (fn === ops.endMarkedContent) hidden.pop();
    else if (hidden.at(-1)) return true;
  }
  return false;
}
