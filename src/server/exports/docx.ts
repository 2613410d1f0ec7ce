import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { BLANK } from '../../core/exports/document-fields';

/**
 * Fills a Word template's {tags} with the fields (docxtemplater over the .docx's XML, so an office's
 * edits to wording, layout and letterhead are kept). A tag the product has no field for is written
 * as a blank line to fill by hand, never left as a placeholder.
 */
export function fillDocx(template: Uint8Array, fields: Readonly<Record<string, string>>): Uint8Array {
  const doc = new Docxtemplater(new PizZip(template), {
    paragraphLoop: true,
    linebreaks: true,
    nullGetter: () => BLANK,
  });
  doc.render(fields);
  return doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' });
}
