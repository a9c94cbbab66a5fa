/** Helpers for the text parser's tests. */

export const enc = (s: string) => new TextEncoder().encode(s);

/** A block in brief: an option as its kind, value and box state; any other as its kind, table place and text. */
export const brief = (b: { kind: string; text: string; table?: { row: number; column: number }; option?: { value: string | null; mark: { state: string } | null } }) =>
  b.option ? `${b.kind}:${b.option.value}:${b.option.mark?.state ?? 'none'}` : `${b.kind}${b.table ? `@${b.table.row}.${b.table.column}` : ''}:${b.text}`;
