/**
 * Checkboxes printed as pictures: a form built from pasted images of an
 * empty and a ticked box, or a tick pasted into a drawn box. What a small
 * picture shows is read from its pixels: a frame round its edge makes it a
 * box, and ink well inside the frame marks it.
 */

/** Decoded pixels as pdf.js hands them over (its ImageKind: 1 one bit grey, 2 RGB, 3 RGBA). */
export interface RawImage {
  width: number;
  height: number;
  kind: number;
  data: ArrayLike<number>;
}

/** A box empty or marked; a box that is neither clearly; or a mark with no frame of its own. */
export type PictureContent = 'empty' | 'marked' | 'unclear' | 'mark';

const GRAYSCALE_1BPP = 1;
const RGB_24BPP = 2;
const RGBA_32BPP = 3;

/** More pixels than a box's picture needs (over 300 by 300): not decoded. */
export const MAX_PICTURE_PIXELS = 100_000;
/** Fewer pixels across a frame than this cannot show what is inside it. */
const MIN_FRAME_PIXELS = 10;
/** Share of each side of the ink's bounds that must be inked for a frame. */
const FRAME_COVERAGE = 0.85;
/** Width of each side's band, as a share of the frame. */
const FRAME_BAND = 0.12;
/** Inset of the inside looked at, as a share of the frame: well clear of its sides. */
const INSET = 0.2;
/** Ink inside the frame, as a share of the inside: at most this is empty, at least `MARKED` is marked. */
const EMPTY = 0.02;
const MARKED = 0.08;

/** What a small picture shows, or null where it is no box or mark (blank, too large, an unknown kind of pixels). */
export function readPicture(image: RawImage): PictureContent | null {
  const ink = inkOf(image);
  if (!ink) return null;
  const { width: w, height: h } = image;
  let [minX, minY, maxX, maxY] = [w, h, -1, -1];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (ink(x, y)) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
  if (maxX < 0) return null;
  const [bw, bh] = [maxX - minX + 1, maxY - minY + 1];
  const framed = bw >= 0.6 * w && bh >= 0.6 * h && sidesInked(ink, minX, minY, maxX, maxY);
  if (!framed) return 'mark';
  if (Math.min(bw, bh) < MIN_FRAME_PIXELS) return 'unclear';
  const [x0, x1] = [Math.ceil(minX + INSET * bw), Math.floor(maxX - INSET * bw)];
  const [y0, y1] = [Math.ceil(minY + INSET * bh), Math.floor(maxY - INSET * bh)];
  let inked = 0;
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (ink(x, y)) inked++;
  const share = inked / ((x1 - x0 + 1) * (y1 - y0 + 1));
  return share <= EMPTY ? 'empty' : share >= MARKED ? 'marked' : 'unclear';
}

/** Whether each side of the bounds has ink along nearly all its length, within a band at that side. */
function sidesInked(ink: (x: number, y: number) => boolean, minX: number, minY: number, maxX: number, maxY: number): boolean {
  const band = Math.max(1, Math.round(FRAME_BAND * Math.min(maxX - minX + 1, maxY - minY + 1)));
  const covered = (along: [number, number], across: [number, number], at: (a: number, c: number) => boolean) => {
    let n = 0;
    for (let a = along[0]; a <= along[1]; a++) {
      for (let c = across[0]; c <= across[1]; c++)
        if (at(a, c)) {
          n++;
          break;
        }
    }
    return n / (along[1] - along[0] + 1) >= FRAME_COVERAGE;
  };
  const rows = (y0: number, y1: number) => covered([minX, maxX], [y0, y1], (x, y) => ink(x, y));
  const columns = (x0: number, x1: number) => covered([minY, maxY], [x0, x1], (y, x) => ink(x, y));
  return rows(minY, minY + band - 1) && rows(maxY - band + 1, maxY) && columns(minX, minX + band - 1) && columns(maxX - band + 1, maxX);
}

/** Whether a pixel is ink: dark, and opaque where the picture has transparency. */
function inkOf(image: RawImage): ((x: number, y: number) => boolean) | null {
  const { width: w, height: h, kind, data } = image;
  if (!(w > 0 && h > 0) || w * h > MAX_PICTURE_PIXELS) return null;
  const dark = (r: number, g: number, b: number) => 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
  switch (kind) {
    case GRAYSCALE_1BPP: {
      const row = (w + 7) >> 3;
      if (data.length < row * h) return null;
      // A set bit is white.
      return (x, y) => ((data[y * row + (x >> 3)]! >> (7 - (x & 7))) & 1) === 0;
    }
    case RGB_24BPP:
      if (data.length < w * h * 3) return null;
      return (x, y) => {
        const i = (y * w + x) * 3;
        return dark(data[i]!, data[i + 1]!, data[i + 2]!);
      };
    case RGBA_32BPP:
      if (data.length < w * h * 4) return null;
      return (x, y) => {
        const i = (y * w + x) * 4;
        return data[i + 3]! >= 128 && dark(data[i]!, data[i + 1]!, data[i + 2]!);
      };
    default:
      return null;
  }
}
