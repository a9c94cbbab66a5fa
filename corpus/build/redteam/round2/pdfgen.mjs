// Flowing PDF writer for the round 2 drawn-boxes PDF (pdf-lib, standard Helvetica). usage: node pdfgen.mjs spec.json out.pdf
// spec: {blocks: [...]}; block kinds:
//  {k:'p', text, size?, bold?, after?}                      wrapped paragraph at x=60, width 475
//  {k:'row', size?, after?, parts:[{x, text, bold?} | {x, box:{w?, state:'empty'|'cross'|'fill'|'tick'|'x-typed'}, dy?} | {x, hl:{w, h?, color?}}]}
//       x = absolute points from the left; a row is one line of text
//  {k:'rule'}  {k:'page'}  {k:'gap', h}
import { createRequire } from 'module';
import fs from 'fs';
const require = createRequire(import.meta.url);
const { PDFDocument, StandardFonts, rgb } = require('pdf-lib'); // the repository's devDependency
const [, , specPath, outPath] = process.argv;
const spec = JSON.parse(fs.readFileSync(specPath, 'utf8'));
const pdf = await PDFDocument.create();
const font = await pdf.embedFont(StandardFonts.Helvetica);
const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
const W = 595, H = 842, L = 60, WIDTH = 475, TOP = 780, BOTTOM = 60;
let page = pdf.addPage([W, H]);
let y = TOP;
const newPage = () => { page = pdf.addPage([W, H]); y = TOP; };
for (const b of spec.blocks) {
  const size = b.size ?? 10;
  const lh = size * 1.3;
  if (b.k === 'page') { newPage(); continue; }
  if (b.k === 'gap') { y -= b.h; continue; }
  if (b.k === 'p') {
    const f = b.bold ? bold : font;
    const words = b.text.split(/\s+/);
    const lines = [];
    let cur = '';
    for (const w of words) {
      const t = cur ? cur + ' ' + w : w;
      if (f.widthOfTextAtSize(t, size) > WIDTH && cur) { lines.push(cur); cur = w; } else cur = t;
    }
    if (cur) lines.push(cur);
    for (const ln of lines) {
      if (y - lh < BOTTOM) newPage();
      y -= lh;
      page.drawText(ln, { x: L, y, size, font: f });
    }
    y -= b.after ?? 6;
    continue;
  }
  if (b.k === 'row') {
    if (y - lh < BOTTOM) newPage();
    y -= lh;
    for (const p of b.parts) {
      if (p.text !== undefined) page.drawText(p.text, { x: p.x, y, size, font: p.bold ? bold : font });
      if (p.hl) page.drawRectangle({ x: p.x, y: y - 0.25 * size, width: p.hl.w, height: p.hl.h ?? size * 1.15, color: rgb(...(p.hl.color ?? [1, 1, 0])), opacity: 0.5 });
      if (p.box) {
        const s = p.box.w ?? size * 0.9;
        const bx = p.x, by = y - 0.05 * size + (p.dy ?? 0);
        page.drawRectangle({ x: bx, y: by, width: s, height: s, borderColor: rgb(0, 0, 0), borderWidth: 0.8 });
        const st = p.box.state;
        if (st === 'cross') {
          page.drawLine({ start: { x: bx + 1.5, y: by + 1.5 }, end: { x: bx + s - 1.5, y: by + s - 1.5 }, thickness: 1 });
          page.drawLine({ start: { x: bx + 1.5, y: by + s - 1.5 }, end: { x: bx + s - 1.5, y: by + 1.5 }, thickness: 1 });
        } else if (st === 'fill') {
          page.drawRectangle({ x: bx + 2, y: by + 2, width: s - 4, height: s - 4, color: rgb(0, 0, 0) });
        } else if (st === 'tick') {
          page.drawLine({ start: { x: bx + 1.5, y: by + s * 0.5 }, end: { x: bx + s * 0.4, y: by + 1.5 }, thickness: 1.2 });
          page.drawLine({ start: { x: bx + s * 0.4, y: by + 1.5 }, end: { x: bx + s - 1, y: by + s - 1 }, thickness: 1.2 });
        } else if (st === 'x-typed') {
          page.drawText('X', { x: bx + (s - font.widthOfTextAtSize('X', size * 0.9)) / 2, y: by + 1, size: size * 0.9, font });
        }
      }
    }
    y -= b.after ?? 6;
    continue;
  }
}
fs.writeFileSync(outPath, await pdf.save());
