import { concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parse } from '../parsers/pdf/index.js';
import { readPicture, type RawImage } from '../parsers/pdf/pictures.js';
import { a4, drawBox } from './pdf-fixtures.js';

describe('PDF boxes printed as pictures', () => {
  /** A grey picture `size` pixels square: a frame `frame` pixels wide (0 for none), and what `inked` paints inside. */
  const picture = (size: number, frame: number, inked: (x: number, y: number) => boolean = () => false): RawImage => {
    const data = new Uint8Array(size * size * 3).fill(255);
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++)
        if ((frame > 0 && (x < frame || y < frame || x >= size - frame || y >= size - frame)) || inked(x, y)) data.fill(0, (y * size + x) * 3, (y * size + x) * 3 + 3);
    return { width: size, height: size, kind: 2, data };
  };
  const cross = (size: number) => (x: number, y: number) => x > 5 && x < size - 6 && (Math.abs(x - y) <= 1 || Math.abs(x + y - size + 1) <= 1);

  it('reads a framed picture as an empty or a marked box, and one with ink but no frame as a mark', () => {
    expect(readPicture(picture(32, 2))).toBe('empty');
    expect(readPicture(picture(32, 2, cross(32)))).toBe('marked');
    expect(readPicture(picture(32, 2, (x, y) => x >= 10 && x < 22 && y >= 10 && y < 22))).toBe('marked');
    expect(readPicture(picture(32, 0, cross(32)))).toBe('mark');
    // A speck inside the frame is neither; a frame too small to see inside cannot be read.
    expect(readPicture(picture(32, 2, (x, y) => x >= 15 && x < 18 && y >= 14 && y < 19))).toBe('unclear');
    expect(readPicture(picture(8, 1))).toBe('unclear');
    expect(readPicture(picture(32, 0))).toBeNull();
    // A frame open on one side is no box.
    expect(readPicture(picture(32, 0, (x, y) => x < 2 || y < 2 || y >= 30))).toBe('mark');
  });

  it('reads one bit and transparent pictures as they show', () => {
    // One bit per pixel, a set bit white: a frame one pixel wide round 16 by 16, empty.
    const bits = new Uint8Array(2 * 16).fill(0xff);
    for (let y = 0; y < 16; y++) {
      if (y === 0 || y === 15) bits.fill(0, y * 2, y * 2 + 2);
      bits[y * 2]! &= 0x7f;
      bits[y * 2 + 1]! &= 0xfe;
    }
    expect(readPicture({ width: 16, height: 16, kind: 1, data: bits })).toBe('empty');
    // Black but fully transparent inside: nothing shows there.
    const rgba = new Uint8Array(32 * 32 * 4);
    for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) if (x < 2 || y < 2 || x >= 30 || y >= 30) rgba[(y * 32 + x) * 4 + 3] = 255;
    expect(readPicture({ width: 32, height: 32, kind: 3, data: rgba })).toBe('empty');
  });

  it('pairs pictures of boxes with their labels, and a tick pasted into a drawn box marks it', async () => {
    const { pdf, page, t } = await a4(10);
    const image = (pixels: RawImage) =>
      pdf.context.register(pdf.context.flateStream(pixels.data as Uint8Array, { Type: 'XObject', Subtype: 'Image', Width: pixels.width, Height: pixels.height, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 }));
    const place = (ref: ReturnType<typeof image>, x: number, y: number, side = 9) =>
      page.pushOperators(pushGraphicsState(), concatTransformationMatrix(side, 0, 0, side, x, y), drawObject(page.node.newXObject('Pic', ref)), popGraphicsState());
    const [empty, marked, tick] = [image(picture(32, 2)), image(picture(32, 2, cross(32))), image(picture(32, 0, cross(32)))];
    t('1. Do you publish an annual report?', 50, 760);
    t('Yes', 400, 760);
    place(marked, 422, 759);
    t('No', 450, 760);
    place(empty, 468, 759);
    t('2. Do you audit disclosures?', 50, 730);
    t('Yes', 400, 730);
    drawBox(page, 422, 730, false);
    t('No', 450, 730);
    drawBox(page, 468, 730, false);
    place(tick, 469, 730, 7);
    const d = await parse(await pdf.save());
    expect(d.blocks.map((b) => (b.option ? `${b.option.value}:${b.option.mark?.state}:${b.option.mark?.detail}` : b.text))).toEqual([
      '1. Do you publish an annual report?',
      'yes:checked:a picture of a marked box 9.0x9.0',
      'no:unchecked:a picture of an empty box 9.0x9.0',
      '2. Do you audit disclosures?',
      'yes:unchecked:empty box 9.0x9.0',
      'no:checked:fill box 9.0x9.0',
    ]);
  });
});
