import sharp from 'sharp';
import { FINDING_REASON, findIdentity, type Finding, type Identity } from '../../core/masking/identity-finder';
import { findSeals } from '../../core/masking/seal-finder';
import type { TextReader } from '../ports/ocr.port';
import { BOUNDED, MAX_IMAGE_PIXELS, withinPixelLimit } from '../images/image-bytes';

/**
 * What to suggest masking on one upright photo: the applicant's name, ID number and unit where the
 * text reader finds them, and the red seals from the pixels. The recognised text stays inside
 * this call: only the rectangles and their reasons leave it.
 */
export async function suggestMasks(reader: TextReader, image: Uint8Array, who: Identity): Promise<Finding[]> {
  // Attached photos passed the limit at the door; this keeps one that did not from the reader.
  if (!(await withinPixelLimit(image))) throw new Error(`the image has more than ${MAX_IMAGE_PIXELS} pixels`);
  const lines = await reader.read(image);
  const { data, info } = await sharp(image, BOUNDED).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const seals = findSeals({ data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height, channels: info.channels });
  return [...findIdentity(lines, who), ...seals.map((rect) => ({ kind: 'seal' as const, rect, reason: FINDING_REASON.seal }))];
}
