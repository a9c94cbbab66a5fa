/** The title block: who the organisation is, what system, who signed it off and when. */
import { TITLE_FIELDS, type TitleField } from './catalogue.js';
import { parseSignOffDate } from './dates.js';
import type { Block, Provenance } from './document.js';
import type { Organisation } from './schema.js';

const LABELS: Record<TitleField, RegExp> = {
  name: /^(name of (the )?organi[sz]ation|organi[sz]ation name|organi[sz]ation)\b\s*[:\-–]?\s*/i,
  scope: /^scope( of (the )?(surveillance )?(camera )?system\(?s?\)?)?\b\s*[:\-–]?\s*/i,
  seniorResponsibleOfficer: /^(name of (the )?)?(senior responsible officer|sro)\b( \(sro\))?( name)?\s*[:\-–]?\s*/i,
  position: /^(position|job title|role)( within (the )?organi[sz]ation)?\b\s*[:\-–]?\s*/i,
  signOffDate: /^(date (of )?sign(ed)?[- ]?off|sign[- ]?off date|date signed|date)\b\s*[:\-–]?\s*/i,
};
const STOP = /^(signature|signed|self[- ]assessment tool)\b\s*[:\-–]?\s*/i;
/** Longest label line; a longer block starting with the same words is prose. */
const MAX_LABEL_LINE = 200;

interface Label {
  field: TitleField | null;
  rest: string;
}

function labelOf(block: Block): Label | null {
  if (block.kind === 'option' || block.text.length > MAX_LABEL_LINE) return null;
  for (const { key } of TITLE_FIELDS) {
    const m = LABELS[key].exec(block.text);
    if (m) return { field: key, rest: block.text.slice(m[0].length).trim() };
  }
  return STOP.test(block.text) ? { field: null, rest: '' } : null;
}

/** Reads the title block from the blocks before the first principle. */
export function readTitleBlock(blocks: readonly Block[], end: number): Organisation {
  const values: Partial<Record<TitleField, { text: string; provenance: Provenance }>> = {};
  for (let i = 0; i < end; i++) {
    const label = labelOf(blocks[i]!);
    if (!label?.field || values[label.field]) continue;
    if (label.rest) {
      values[label.field] = { text: label.rest, provenance: blocks[i]!.provenance };
      continue;
    }
    // The value follows the label: one block, or for the scope every block up to the next label.
    const parts: Block[] = [];
    for (let j = i + 1; j < end && parts.length < 12; j++) {
      const b = blocks[j]!;
      if (labelOf(b) || b.kind === 'heading' || b.kind === 'option') break;
      parts.push(b);
      if (label.field !== 'scope') break;
    }
    if (parts.length) values[label.field] = { text: parts.map((b) => b.text).join('\n'), provenance: parts[0]!.provenance };
  }
  const provenance: Record<string, Provenance> = {};
  for (const [key, value] of Object.entries(values)) provenance[key] = value.provenance;
  const raw = values.signOffDate?.text ?? null;
  return {
    name: values.name?.text ?? null,
    scope: values.scope?.text ?? null,
    seniorResponsibleOfficer: values.seniorResponsibleOfficer?.text ?? null,
    position: values.position?.text ?? null,
    signOffDate: raw ? parseSignOffDate(raw) : null,
    signOffDateRaw: raw,
    provenance,
  };
}
