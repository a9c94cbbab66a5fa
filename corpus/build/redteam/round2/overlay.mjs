// Adds checkbox / radio form fields to a printed PDF with pdf-lib, sets them, then flattens the form, as a PDF
// editor's "fill in, then flatten" does: the boxes, ticks and radio dots end up drawn in the page content.
// usage: node overlay.mjs in.pdf ops.json out.pdf
// ops: [{page, kind: 'checkbox', name, x, y, size, checked} | {page, kind: 'radio', name, options: [{value, x, y, size}], selected}]
// in top-left points.
import { createRequire } from 'module';
import fs from 'fs';
const require = createRequire(import.meta.url);
const { PDFDocument, rgb } = require('pdf-lib'); // the repository's devDependency

const [, , inPath, opsPath, outPath] = process.argv;
const pdf = await PDFDocument.load(fs.readFileSync(inPath));
const ops = JSON.parse(fs.readFileSync(opsPath, 'utf8'));
const pages = pdf.getPages();
const form = pdf.getForm();
for (const op of ops) {
  const page = pages[op.page];
  const H = page.getHeight();
  if (op.kind === 'checkbox') {
    const cb = form.createCheckBox(op.name);
    cb.addToPage(page, { x: op.x, y: H - op.y - op.size, width: op.size, height: op.size, borderWidth: op.border ?? 1, borderColor: rgb(0, 0, 0) });
    if (op.checked) cb.check();
  } else if (op.kind === 'radio') {
    const rg = form.createRadioGroup(op.name);
    for (const o of op.options) rg.addOptionToPage(o.value, page, { x: o.x, y: H - o.y - o.size, width: o.size, height: o.size, borderWidth: 1, borderColor: rgb(0, 0, 0) });
    if (op.selected) rg.select(op.selected);
  } else throw new Error(op.kind);
}
form.flatten();
fs.writeFileSync(outPath, await pdf.save({ useObjectStreams: false }));
