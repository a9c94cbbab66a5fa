/**
 * A small, strict, namespace-aware XML parser that builds the same node tree
 * mammoth's reader does (elements named `prefix:local` with mammoth's fixed
 * prefixes, whatever prefixes the file used), several times faster than
 * mammoth's xmldom round trip and without its DOM in memory. It rejects what
 * is not well-formed (mismatched or unclosed tags, bad attributes, unknown
 * entities, text outside the root) and any DTD, so an entity-expansion bomb
 * never gets parsed.
 */
import { element, type XmlElement, type XmlNode } from './mammoth.js';

export class XmlError extends Error {}

/** Namespace URI → the prefix mammoth's readers expect (mammoth's own map plus what this parser reads). */
const NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/picture': 'pic',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'content-types',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'relationships',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:word': 'office-word',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'wordml',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
};

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&\s]{0,10});/g, (_m, name: string) => {
    const named = ENTITIES[name];
    if (named !== undefined) return named;
    const code = name[0] === '#' ? (name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)) : NaN;
    if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) throw new XmlError(`unknown entity &${name};`);
    return String.fromCodePoint(code);
  });
}

type Scope = Record<string, string>;

const NAME = /[^\s/>=]+/y;
const ATTR = /\s*([^\s=/>]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*(\/?)>/y;

function lineAt(src: string, pos: number): number {
  let line = 1;
  for (let i = src.indexOf('\n'); i !== -1 && i < pos; i = src.indexOf('\n', i + 1)) line++;
  return line;
}

/** Parses one XML part into mammoth's node tree. Throws XmlError (with a line number) when not well-formed. */
export function parseXml(src: string): XmlElement {
  try {
    return parse(src);
  } catch (error) {
    if (error instanceof XmlError && (error as XmlError & { pos?: number }).pos !== undefined) {
      throw new XmlError(`${error.message} (line ${lineAt(src, (error as XmlError & { pos: number }).pos)})`);
    }
    throw error;
  }
}

function fail(message: string, pos: number): never {
  const e = new XmlError(message) as XmlError & { pos: number };
  e.pos = pos;
  throw e;
}

function parse(src: string): XmlElement {
  let pos = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: Array<{ el: XmlElement; raw: string; scope: Scope }> = [];
  let root: XmlElement | null = null;
  let scope: Scope = { xml: XML_NS };
  const n = src.length;
  const attrNames: string[] = [];
  const attrValues: string[] = [];

  // Qualified names, cached per namespace scope (scopes change rarely: the root, a:graphic).
  const caches = new WeakMap<Scope, Map<string, string>>();
  let cache = new Map<string, string>();
  caches.set(scope, cache);
  const setScope = (next: Scope) => {
    scope = next;
    let c = caches.get(next);
    if (!c) caches.set(next, (c = new Map()));
    cache = c;
  };
  const qualify = (raw: string, isAttribute: boolean, at: number): string => {
    const key = isAttribute ? '@' + raw : raw;
    let name = cache.get(key);
    if (name === undefined) cache.set(key, (name = qualifyUncached(raw, isAttribute, at)));
    return name;
  };
  const qualifyUncached = (raw: string, isAttribute: boolean, at: number): string => {
    const colon = raw.indexOf(':');
    if (colon === -1) {
      if (isAttribute) return raw;
      const uri = scope[''];
      if (!uri) return raw;
      const prefix = NAMESPACES[uri];
      return prefix ? `${prefix}:${raw}` : `{${uri}}${raw}`;
    }
    const uri = scope[raw.slice(0, colon)];
    if (uri === undefined) fail(`undeclared namespace prefix in <${raw}>`, at);
    const local = raw.slice(colon + 1);
    const prefix = NAMESPACES[uri];
    return prefix ? `${prefix}:${local}` : `{${uri}}${local}`;
  };

  while (pos < n) {
    const lt = src.indexOf('<', pos);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > pos) {
      const raw = src.slice(pos, textEnd);
      const top = stack[stack.length - 1];
      if (top) {
        const last = top.el.children[top.el.children.length - 1];
        if (last?.type === 'text') last.value += decode(raw);
        else top.el.children.push({ type: 'text', value: decode(raw) });
      }
      else if (raw.trim()) fail('text outside the root element', pos);
    }
    if (lt === -1) break;
    pos = lt;
    const c = src.charCodeAt(pos + 1);
    if (c === 0x3f /* ? */) {
      const end = src.indexOf('?>', pos + 2);
      if (end === -1) fail('unterminated processing instruction', pos);
      pos = end + 2;
      continue;
    }
    if (c === 0x21 /* ! */) {
      if (src.startsWith('<!--', pos)) {
        const end = src.indexOf('-->', pos + 4);
        if (end === -1) fail('unterminated comment', pos);
        pos = end + 3;
        continue;
      }
      if (src.startsWith('<![CDATA[', pos)) {
        const end = src.indexOf(']]>', pos + 9);
        if (end === -1) fail('unterminated CDATA section', pos);
        const top = stack[stack.length - 1];
        if (!top) fail('CDATA outside the root element', pos);
        const last = top.el.children[top.el.children.length - 1];
        if (last?.type === 'text') last.value += src.slice(pos + 9, end);
        else top.el.children.push({ type: 'text', value: src.slice(pos + 9, end) });
        pos = end + 3;
        continue;
      }
      fail('document type declarations are not allowed in OOXML parts', pos);
    }
    if (c === 0x2f /* / */) {
      NAME.lastIndex = pos + 2;
      const m = NAME.exec(src);
      const top = stack.pop();
      if (!m || !top) fail('unexpected closing tag', pos);
      if (m[0] !== top.raw) fail(`closing tag </${m[0]}> does not match <${top.raw}>`, pos);
      const gt = src.indexOf('>', NAME.lastIndex);
      if (gt === -1 || src.slice(NAME.lastIndex, gt).trim()) fail(`malformed closing tag </${m[0]}>`, pos);
      setScope(top.scope);
      pos = gt + 1;
      continue;
    }
    // Start tag.
    NAME.lastIndex = pos + 1;
    const m = NAME.exec(src);
    if (!m) fail('malformed start tag', pos);
    const raw = m[0];
    let p = NAME.lastIndex;
    attrNames.length = 0;
    attrValues.length = 0;
    let declared: Scope | null = null;
    for (;;) {
      TAG_END.lastIndex = p;
      const end = TAG_END.exec(src);
      if (end) {
        p = TAG_END.lastIndex;
        const selfClosing = end[1] === '/';
        const parentScope = scope;
        if (declared) setScope(Object.assign(Object.create(scope) as Scope, declared));
        const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
        for (let i = 0; i < attrNames.length; i++) attributes[qualify(attrNames[i]!, true, pos)] = attrValues[i]!;
        const el = element(qualify(raw, false, pos), attributes, []);
        const top = stack[stack.length - 1];
        if (top) top.el.children.push(el);
        else if (root) fail('more than one root element', pos);
        else root = el;
        if (selfClosing) setScope(parentScope);
        else stack.push({ el, raw, scope: parentScope });
        break;
      }
      ATTR.lastIndex = p;
      const a = ATTR.exec(src);
      if (!a || a.index !== p) fail(`malformed attribute in <${raw}>`, p);
      p = ATTR.lastIndex;
      const name = a[1]!;
      const value = decode(a[2] ?? a[3] ?? '');
      if (name === 'xmlns') (declared ??= {})[''] = value;
      else if (name.startsWith('xmlns:')) (declared ??= {})[name.slice(6)] = value;
      else attrNames.push(name), attrValues.push(value);
    }
    pos = p;
  }
  if (stack.length) fail(`unclosed element <${stack[stack.length - 1]!.raw}>`, n);
  if (!root) fail('no root element', 0);
  return root;
}

/** All text of an element's descendants (for small parts: relationships, headers). */
export function textOf(node: XmlNode): string {
  if (node.type === 'text') return node.value;
  let s = '';
  for (const c of node.children) s += textOf(c);
  return s;
}
