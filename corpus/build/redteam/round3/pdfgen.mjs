// Flowing PDF writer for the round 3 pdf-lib cases (standard Helvetica). usage: node pdfgen.mjs spec.json out.pdf
// spec: {blocks: [...]}; block kinds:
//  {k:'p', text, size?, bold?, after?}           wrapped paragraph at x=60, width 475
//  {k:'row', size?, after?, parts:[...]}          one line; parts placed at absolute x (points from the left):
//     {x, text, bold?}
//     {x, box:{w?, state:'empty'|'cross'}, dy?}   drawn square
//     {x, cellrect:{w, h}}                      stroked table-cell rectangle centred on the line
//     {x, fillrect:{w, h, color}}                filled (shaded) cell, no border
//     {x, vbar:{h, w?, color?}}                  cell border drawn as a thin filled bar (0.75pt), vertical
//     {x, hbar:{h0, w, dy, color?}}              the same, horizontal, dy above the bottom of a row h0 high
//  {k:'page'}
// The document gets an (empty) AcroForm dictionary, as the red-team originals did (pdf-lib's getForm()).
import { createRequire } from 'module';
import fs from 'fs';
const require = createRequire(import.meta.url);
const { PDFDocument, StandardFonts, rgb } = require('pdf-lib'); // the repository's devDependency
const [, , specPath, outPath] = process.argv;
const spec = JSON.parse(fs.readFileSync(specPath, 'utf8'));
const pdf = await PDFDocument.create();
const font = await pdf.embedFont(StandardFonts.Helvetica);
const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
pdf.getForm();
const W = 595, H = 842, L = 60, WIDTH = 475, TOP = 780, BOTTOM = 60;
let page, y;
const col = (c) => rgb(...(c ?? [0, 0, 0]));
function drawParts(parts, y, size) {
  for (const p of parts) {
    if (p.text !== undefined) page.drawText(p.text, { x: p.x, y, size, font: p.bold ? bold : font, color: col(p.color) });
    if (p.box) {
      const s = p.box.w ?? size * 0.9;
      const bx = p.x, by = y - 0.05 * size + (p.dy ?? 0);
      page.drawRectangle({ x: bx, y: by, width: s, height: s, borderColor: rgb(0, 0, 0), borderWidth: 0.8 });
      const st = p.box.state;
      if (st === 'cross') {
        page.drawLine({ start: { x: bx + 1.5, y: by + 1.5 }, end: { x: bx + s - 1.5, y: by + s - 1.5 }, thickness: 1 });
        page.drawLine({ start: { x: bx + 1.5, y: by + s - 1.5 }, end: { x: bx + s - 1.5, y: by + 1.5 }, thickness: 1 });
      }
    }
    if (p.cellrect) page.drawRectangle({ x: p.x, y: y - (p.cellrect.h - size) / 2 - 0.25 * size, width: p.cellrect.w, height: p.cellrect.h, borderColor: rgb(0, 0, 0), borderWidth: 0.5 });
    if (p.fillrect) page.drawRectangle({ x: p.x, y: y - (p.fillrect.h - size) / 2 - 0.25 * size, width: p.fillrect.w, height: p.fillrect.h, color: col(p.fillrect.color) });
    if (p.vbar) page.drawRectangle({ x: p.x - (p.vbar.w ?? 0.75) / 2, y: y - (p.vbar.h - size) / 2 - 0.25 * size, width: p.vbar.w ?? 0.75, height: p.vbar.h, color: col(p.vbar.color) });
    if (p.hbar) page.drawRectangle({ x: p.x, y: y - (p.hbar.h0 - size) / 2 - 0.25 * size + (p.hbar.dy ?? 0) - 0.375, width: p.hbar.w, height: 0.75, color: col(p.hbar.color) });
  }
}
const newPage = () => {
  page = pdf.addPage([W, H]);
  y = TOP;
};
newPage();
for (const b of spec.blocks) {
  const size = b.size ?? 10;
  const lh = size * 1.3;
  if (b.k === 'page') { newPage(); continue; }
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
    drawParts(b.parts, y, size);
    y -= b.after ?? 6;
    continue;
  }
}
fs.writeFileSync(outPath, await pdf.save());
