/**
 * AcroForm widgets from `page.getAnnotations()`: checkboxes and radio buttons
 * (their state taken from the field's value), and text fields holding typed
 * answers.
 */
import type { Diagnostic, MarkState } from '../../src/document.js';
import type { Rect } from './geometry.js';
import { rectFromPoints, apply } from './geometry.js';
import type { RawObjects } from './raw.js';

export interface WidgetBox {
  rect: Rect;
  state: MarkState;
  detail: string;
  /** The on-state name (export value), e.g. "Yes". */
  exportValue: string | null;
  /** The field's tooltip (/TU), which some authors fill in with the option rather than the export value. */
  tooltip: string | null;
  /** Set when the appearance state and the value disagree. */
  mismatch?: string;
}

export interface TextFieldValue {
  rect: Rect;
  text: string;
}

interface Annotation {
  annotationType?: number;
  subtype?: string;
  fieldType?: string;
  checkBox?: boolean;
  radioButton?: boolean;
  fieldValue?: unknown;
  exportValue?: unknown;
  buttonValue?: unknown;
  rect?: number[];
  id?: string;
  hidden?: boolean;
  fieldName?: string;
  alternativeText?: unknown;
}

const WIDGET = 20;

function decodeName(raw: string | undefined): string | undefined {
  if (raw === undefined || !raw.startsWith('/')) return undefined;
  return raw.slice(1).replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The names of a widget's normal appearance states (/AP /N), decoded; null where they cannot be read. */
function appearanceStates(raw: RawObjects, num: number): string[] | null {
  const ap = raw.entries(num)?.AP;
  const normal = ap === undefined ? undefined : raw.dictionary(ap)?.N;
  const states = normal === undefined ? null : raw.dictionary(normal);
  return states ? Object.keys(states).map((name) => decodeName(`/${name}`)!) : null;
}

function objectNumber(id: string | undefined): number | null {
  const m = /^(\d+)R/.exec(id ?? '');
  return m ? Number(m[1]) : null;
}

/** Whether an annotation's layer (its raw /OC) is shown: true where it has none, null where that cannot be told. */
export function annotationLayerShown(id: string | undefined, raw: () => RawObjects, layerShown: (oc: string) => boolean | null): boolean | null {
  const num = objectNumber(id);
  const oc = num !== null ? raw().entries(num)?.OC : undefined;
  return oc === undefined ? true : layerShown(oc);
}

/**
 * `layerShown` says whether a widget in an optional-content layer (its raw /OC, "12 0 R") is shown: true, false,
 * or null where that cannot be told. A widget that is not shown is passed over; one that may not be gives no state.
 */
export function readWidgets(
  annotations: unknown[],
  display: readonly number[],
  raw: () => RawObjects,
  layerShown: (oc: string) => boolean | null = () => true,
): { boxes: WidgetBox[]; fields: TextFieldValue[] } {
  const boxes: WidgetBox[] = [];
  const fields: TextFieldValue[] = [];
  for (const a of annotations as Annotation[]) {
    if (a.annotationType !== WIDGET || a.hidden || !Array.isArray(a.rect) || a.rect.length < 4) continue;
    const [x1, y1, x2, y2] = a.rect as [number, number, number, number];
    const rect = rectFromPoints([apply(display, x1, y1), apply(display, x2, y2)]);
    const num = objectNumber(a.id);
    const entries = num !== null ? raw() : null;
    const shown = annotationLayerShown(a.id, raw, layerShown);
    if (shown === false) continue;
    if (a.fieldType === 'Tx') {
      if (shown && typeof a.fieldValue === 'string' && a.fieldValue.trim()) fields.push({ rect, text: a.fieldValue });
      continue;
    }
    if (a.fieldType !== 'Btn' || (!a.checkBox && !a.radioButton)) continue;
    const tooltip = typeof a.alternativeText === 'string' && a.alternativeText.trim() ? a.alternativeText.trim() : null;
    if (shown === null) {
      boxes.push({ rect, state: 'unknown', detail: `${a.checkBox ? 'checkbox' : 'radio'} in a layer that may be switched off`, exportValue: typeof a.exportValue === 'string' ? a.exportValue : null, tooltip });
      continue;
    }
    const vFrom = num !== null && entries ? entries.holder(num, 'V') : undefined;
    let rawV = vFrom !== undefined ? decodeName(entries!.entries(vFrom)!.V) : undefined;
    let rawAS = num !== null && entries ? decodeName(entries.entries(num)?.AS) : undefined;
    // An object defined twice (an update appended to the file, or a copy of another PDF kept inside it, whose objects
    // may share its numbers) is read here as its last definition. A widget's is trusted only where it has the
    // appearance state pdf.js read (a checkbox's value as pdf.js reports it); a field's above it, holding the value,
    // cannot be checked so, and is not used.
    if (a.checkBox && num !== null && !entries!.isSure(num) && rawAS !== undefined && typeof a.fieldValue === 'string' && rawAS !== a.fieldValue)
      rawV = rawAS = undefined;
    if (vFrom !== undefined && vFrom !== num && !entries!.isSure(vFrom)) rawV = undefined;
    if (a.checkBox) {
      const on = typeof a.exportValue === 'string' ? a.exportValue : 'Yes';
      // The states the box has appearances for, as the file names them: decoded as its raw /V and /AS are, which pdf.js
      // decodes otherwise past ASCII. Raw names are compared with the file's own name for ticked, pdf.js's with its.
      const states = num !== null && entries ? appearanceStates(entries, num) : null;
      const named = states?.filter((state) => state !== 'Off') ?? [];
      const rawOn = named.length === 1 ? named[0]! : on;
      // pdf.js reports /AS as the value; the raw /V, when present, is the value.
      const value = rawV ?? (typeof a.fieldValue === 'string' ? a.fieldValue : 'Off');
      const checked = value === (rawV !== undefined ? rawOn : on);
      const appearance = rawAS ?? (typeof a.fieldValue === 'string' ? a.fieldValue : undefined);
      const shownTicked = appearance === (rawAS !== undefined ? rawOn : on);
      const box: WidgetBox = { rect, state: checked ? 'checked' : 'unchecked', detail: `checkbox V=/${value} AS=/${appearance ?? '?'} on=/${on}`, exportValue: on, tooltip };
      if (rawAS !== undefined && states !== null && rawAS !== 'Off' && !states.includes(rawAS)) {
        // An appearance state the box has no appearance for (LibreOffice 7.4 saves every ticked box as /Yes, whatever
        // its own name for ticked): one viewer shows it empty, another ticked.
        box.mismatch = `checkbox "${a.fieldName ?? ''}" is set to /${rawAS}, a state it has no appearance for (its states are /${states.join(' and /')}): viewers show it empty or ticked, so whether it is ticked cannot be told`;
        box.state = 'unknown';
      } else if (rawV !== undefined && appearance !== undefined && shownTicked !== checked) {
        box.mismatch = `checkbox "${a.fieldName ?? ''}" shows ${shownTicked ? 'ticked' : 'empty'} (/AS /${appearance}) but its value is /${value}; which was meant cannot be told`;
        box.state = 'conflicting';
      }
      boxes.push(box);
    } else {
      const on = typeof a.buttonValue === 'string' ? a.buttonValue : null;
      const value = rawV ?? (typeof a.fieldValue === 'string' ? a.fieldValue : 'Off');
      const checked = on !== null && value === on;
      const box: WidgetBox = { rect, state: checked ? 'checked' : 'unchecked', detail: `radio V=/${value} on=/${on ?? '?'}${rawAS ? ` AS=/${rawAS}` : ''}`, exportValue: on, tooltip };
      if (rawAS !== undefined && rawV !== undefined && on !== null && (rawAS === on) !== checked) {
        box.mismatch = `radio button "${a.fieldName ?? ''}" /${on} shows ${rawAS === on ? 'selected' : 'not selected'} (/AS /${rawAS}) but the group's value is /${value}; which was meant cannot be told`;
        box.state = 'conflicting';
      }
      boxes.push(box);
    }
  }
  return { boxes, fields };
}

export function mismatchDiagnostic(box: WidgetBox, provenance: Diagnostic['provenance']): Diagnostic {
  return { code: 'appearance-value-mismatch', message: box.mismatch ?? '', provenance };
}
