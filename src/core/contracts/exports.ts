/** A filled document or a roster, ready to open on the phone (`openDocument`) or download. */
export interface ExportFile {
  /** What the person sees: 个人承诺书（王建新）.docx. */
  readonly name: string;
  readonly url: string;
  readonly fileType: 'docx' | 'xlsx';
  readonly expiresAt: string;
  /** Rows in a roster; null for a document. */
  readonly rows: number | null;
}
