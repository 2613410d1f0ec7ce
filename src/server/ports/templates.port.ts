/**
 * The document templates (config/templates/*.docx), read by name: Word files an HR office edits;
 * the functions fill them (`exports/docx.ts`), never build documents in code.
 */
export interface DocumentTemplates {
  /** The template's bytes, or null when there is none by that name. */
  read(name: string): Promise<Uint8Array | null>;
}
