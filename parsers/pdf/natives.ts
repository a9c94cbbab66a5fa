/**
 * pdf.js's legacy build carries core-js polyfills that replace some built-ins
 * Node already has, for edge cases no caller here meets: `Array.prototype.push`
 * (lengths past 2^32) and `JSON.parse`/`JSON.stringify` (raw JSON). The
 * replacements are plain JavaScript and several times slower, and they apply
 * to the whole thread: every push and every record written pays for them.
 *
 * Imported before pdf.js, this module notes the built-ins as they are; once
 * pdf.js and its worker code have loaded, `restoreNatives` puts back any that
 * were replaced. Polyfills of what Node lacks (Promise.withResolvers, the new
 * Set and Map methods, ...) stay: pdf.js needs those.
 */

const HOLDERS: ReadonlyArray<object> = [
  Object,
  Array,
  Array.prototype,
  JSON,
  Math,
  Number,
  Number.prototype,
  String,
  String.prototype,
  RegExp.prototype,
  Promise,
  Promise.prototype,
  Map.prototype,
  Set.prototype,
  WeakMap.prototype,
  ArrayBuffer,
  ArrayBuffer.prototype,
  DataView.prototype,
  Object.getPrototypeOf(Uint8Array) as object,
  Object.getPrototypeOf(Uint8Array.prototype) as object,
  Uint8Array,
  Uint8Array.prototype,
];

const before = HOLDERS.map((holder) => new Map(Reflect.ownKeys(holder).map((key) => [key, Object.getOwnPropertyDescriptor(holder, key)!])));

const same = (a: PropertyDescriptor, b: PropertyDescriptor) => a.value === b.value && a.get === b.get && a.set === b.set;

/** Puts back every built-in replaced since this module loaded. */
export function restoreNatives(): void {
  HOLDERS.forEach((holder, i) => {
    for (const [key, original] of before[i]!) {
      const now = Object.getOwnPropertyDescriptor(holder, key);
      if (now && same(now, original)) continue;
      if (now && !now.configurable) continue;
      Object.defineProperty(holder, key, original);
    }
  });
}
