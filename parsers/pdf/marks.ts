/**
 * Deciding each option's mark on a page. In order: box glyphs and typed marks
 * in the text (read with the options), form widgets beside the labels, then,
 * only if some label still has nothing beside it, boxes drawn on the page
 * (with any "X" typed into them). A label with none of these keeps
 * `mark: null`: no state is ever made up.
 */
import type { Diagnostic, Mark } from '../../src/document.js';
import { glyphMark, optionValue } from '../../src/options.js';
import { height, width } from './geometry.js';
import { findOptions, stackedLoneLabels, type Candidate, type OptionGroup } from './labels.js';
import { assignTokens, pairBoxes } from './pairing.js';
import type { MarkToken, PageText, Part } from './text.js';
import type { VectorBox } from './vector.js';
import { mismatchDiagnostic, type TextFieldValue, type WidgetBox } from './widgets.js';
import { provenance } from './blocks.js';

export interface PageMarks {
  groups: OptionGroup[];
  consumed: Set<Part>;
  fields: TextFieldValue[];
  diagnostics: Diagnostic[];
  /** Whether drawn boxes were looked for. */
  vectorRead: boolean;
}

export interface MarkSources {
  widgets: { boxes: WidgetBox[]; fields: TextFieldValue[] };
  /** Reads the drawn boxes of the page; called only when needed. */
  vectorBoxes: () => Promise<VectorBox[] | null>;
}

function vectorMark(box: VectorBox): Mark {
  const size = `${width(box.rect).toFixed(1)}x${height(box.rect).toFixed(1)}`;
  return { state: box.content === 'empty' ? 'unchecked' : 'checked', source: 'vector', detail: `${box.content === 'empty' ? 'empty' : box.content} box ${size}` };
}

function tokenMark(token: MarkToken, inside: boolean): Mark {
  const where = inside ? 'inside a drawn box' : 'beside a drawn box';
  const glyph = glyphMark(token.char);
  if (glyph && glyph.source === 'glyph') return { state: 'checked', source: 'glyph', detail: `${glyph.detail} ${where}` };
  return { state: 'checked', source: 'typed-mark', detail: `"${token.char}" ${where}` };
}

export async function resolveMarks(text: PageText, toUser: readonly number[], sources: MarkSources): Promise<PageMarks> {
  const { groups, consumed } = findOptions(text);
  const diagnostics: Diagnostic[] = [];
  const labels: Candidate[] = groups.flatMap((g) => g.options.filter((o) => o.value !== null));
  const paired = new Set<Candidate>();

  // Form widgets.
  const { boxes: widgets, fields } = sources.widgets;
  const widgetPairs = pairBoxes(labels, widgets);
  for (const [cand, box] of widgetPairs) {
    paired.add(cand);
    if (!cand.mark || cand.mark.source === 'typed-mark') cand.mark = { state: box.state, source: 'acroform', detail: box.detail };
    if (box.mismatch) diagnostics.push(mismatchDiagnostic(box, provenance(text.page, toUser, box.rect.x0, box.rect.top)));
  }
  const extra: OptionGroup[] = [];
  const usedWidgets = new Set(widgetPairs.values());
  for (const box of widgets) {
    if (usedWidgets.has(box)) continue;
    if (box.mismatch) diagnostics.push(mismatchDiagnostic(box, provenance(text.page, toUser, box.rect.x0, box.rect.top)));
    const value = box.exportValue ? optionValue(box.exportValue) : null;
    if (!value) continue;
    // A widget with no printed label beside it, whose export value names the option.
    extra.push({
      options: [{ label: box.exportValue!, value, mark: { state: box.state, source: 'acroform', detail: box.detail }, rect: box.rect, line: -1, baseline: box.rect.bottom, size: height(box.rect) }],
      lead: null,
    });
  }

  // Drawn boxes, only where a label has no glyph, typed mark or widget.
  let vectorRead = false;
  const bare = labels.filter((c) => !c.mark && !paired.has(c));
  if (bare.length > 0) {
    const boxes = await sources.vectorBoxes();
    vectorRead = boxes !== null;
    if (boxes && boxes.length > 0) {
      const tokens = assignTokens(boxes, text.tokens);
      const claimed = new Set([...tokens.values()].map((t) => t.token));
      const vectorPairs = pairBoxes(
        labels.filter((c) => !paired.has(c)),
        boxes,
      );
      for (const [cand, box] of vectorPairs) {
        paired.add(cand);
        const token = tokens.get(box);
        if (token) cand.mark = tokenMark(token.token, token.inside);
        else if (cand.mark?.source === 'typed-mark') {
          // An "X" read from the text: keep it only if no drawn box took it.
          const free = text.tokens.some((t) => t.line === cand.line && !claimed.has(t));
          if (!free) cand.mark = vectorMark(box);
        } else if (!cand.mark) cand.mark = vectorMark(box);
      }
    }
  }

  // Lone labels stay options only with a box beside them or stacked with the other labels.
  const lone = groups.filter((g) => g.lone);
  const keep = new Set(lone.filter((g) => paired.has(g.options[0]!)));
  for (const g of stackedLoneLabels(lone.filter((g) => !keep.has(g)), text)) keep.add(g);
  for (const g of keep) consumed.add(g.lone!);
  const kept = [...groups.filter((g) => !g.lone), ...keep, ...extra];
  return { groups: kept, consumed, fields, diagnostics, vectorRead };
}
