/**
 * The normalised document: the one model every parser returns and the only
 * thing the matcher reads. Nothing format-specific goes past a parser except
 * the `source` strings that say where a mark's state was read from.
 */

export type Format = 'pdf' | 'docx' | 'text' | 'markdown';

/** Where something came from. Every field that the format can tell is filled in. */
export interface Provenance {
  /** 1-based page number (PDF; DOCX where an explicit page break was seen). */
  page?: number;
  /** 1-based line number in the source text (text, Markdown). */
  line?: number;
  /** Character offsets [start, end) into the decoded source text (text, Markdown). */
  start?: number;
  end?: number;
  /** PDF user-space position of the block's top-left corner. */
  x?: number;
  y?: number;
}

/**
 * `unknown`: the format kept no state (a converter's placeholder). `conflicting`: the file records one state and
 * shows the other (a Word checkbox whose stored value disagrees with the box glyph it displays).
 */
export type MarkState = 'checked' | 'unchecked' | 'unknown' | 'conflicting';

/**
 * What a checkbox state was read from.
 * - `form-field`: a legacy Word FORMCHECKBOX field (w:ffData/w:checkBox)
 * - `content-control`: a Word 2010+ checkbox content control (w14:checkbox)
 * - `symbol`: a font symbol (w:sym, Wingdings and similar private-use glyphs)
 * - `glyph`: a box or tick character in the text (☒ ☐ ✓ [x] [ ] …)
 * - `typed-mark`: an "X" or tick typed beside an option
 * - `struck-option`: an option struck through (taken as not chosen)
 * - `highlight`: an option highlighted, where the options have no boxes (taken as chosen)
 * - `placeholder`: a converter's stand-in for a box that kept no state (`|_|`)
 * - `acroform`: a PDF form widget's value
 * - `vector`: a box drawn on a PDF page, ticked when something is drawn inside it
 */
export type MarkSource =
  | 'form-field'
  | 'content-control'
  | 'symbol'
  | 'glyph'
  | 'typed-mark'
  | 'struck-option'
  | 'highlight'
  | 'placeholder'
  | 'acroform'
  | 'vector';

export interface Mark {
  state: MarkState;
  source: MarkSource;
  /** What exactly was seen, e.g. `w:checked w:val="1"` or `U+2612`. */
  detail?: string;
}

/** The three choices the template offers. */
export type OptionValue = 'yes' | 'no' | 'na';

export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'tableCell' | 'option';

export interface Block {
  kind: BlockKind;
  /** Text as printed, whitespace collapsed; for `option` blocks the label ("Yes"). */
  text: string;
  provenance: Provenance;
  /** Heading level (1-6) for headings. */
  level?: number;
  /**
   * For `option` blocks: which choice the label names (null when a box has no
   * readable label) and the box beside it (null when the label is printed
   * without any box).
   */
  option?: { value: OptionValue | null; mark: Mark | null };
  /**
   * Set by a parser that recognised the block as a running page header, footer
   * or page number. The matcher drops such blocks from answers.
   */
  furniture?: boolean;
  /**
   * Set by a parser where the block may hold text that is not shown (a PDF
   * page drawing in a hidden layer). Kept as answer text; no choice is read
   * from its words.
   */
  unshown?: boolean;
  /**
   * Set by a parser that saw a table row's border drawn between the block and
   * the words above it: no box above the border is this block's, nor this
   * block's box a label's above it.
   */
  ruledAbove?: boolean;
  /** Table position for `tableCell` blocks (0-based). */
  table?: { row: number; column: number };
}

export interface Diagnostic {
  /** Stable machine-readable code, e.g. `appearance-value-mismatch`. */
  code: string;
  message: string;
  provenance?: Provenance;
}

export interface NormalisedDocument {
  format: Format;
  /** Page count where the format has pages. */
  pages?: number;
  blocks: Block[];
  diagnostics: Diagnostic[];
}

export interface Limits {
  /** Largest input accepted, in bytes. */
  maxInputBytes: number;
  /** Most pages read from a PDF. */
  maxPages: number;
  /** Cap on bytes decompressed from a DOCX (zip bomb guard). */
  maxDecompressedBytes: number;
  /** Wall-clock time allowed for one document, in milliseconds. */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxInputBytes: 100 * 1024 * 1024,
  maxPages: 500,
  maxDecompressedBytes: 64 * 1024 * 1024,
  timeoutMs: 60_000,
};

export interface ParseOptions {
  /** Used for messages only; parsers never touch the file system. */
  name?: string;
  /** Password for encrypted PDFs. */
  password?: string;
  limits?: Partial<Limits>;
  /** Aborted when the document's time runs out. */
  signal?: AbortSignal;
}

export type Parse = (bytes: Uint8Array, options?: ParseOptions) => Promise<NormalisedDocument>;
