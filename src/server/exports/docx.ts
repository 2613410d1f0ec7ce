import { BLANK } from '../../core/exports/document-fields';

/**
 * Fills a Word template's {tags} with the fields (docxtemplater over the .docx's XML, so an office's
 * edits to wording, layout and letterhead are kept). A tag the product has no field for is written
 * as a blank line to fill by hand, never left as a placeholder.
 */
export async function fillDocx(template: Uint8Array, fields: Readonly<Record<string, unknown>>): Promise<Uint8Array> {
  // Loaded when a document is asked for, not when the function starts (the documents function
  // installs them from its package.json).
  const [{ default: Docxtemplater }, { default: PizZip }] = await Promise.all([import('docxtemplater'), import('pizzip')]);
  const doc = new Docxtemplater(new PizZip(template), {
    paragraphLoop: true,
    linebreaks: true,
    nullGetter: () => BLANK,
  });
  doc.render(fields);
  return doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' });
}
