/**
 * A roster as an Excel workbook: a title row, the columns, one row per application, every cell as
 * text (an ID number must never become a number in scientific notation).
 */
export async function rosterXlsx(title: string, columns: readonly string[], rows: readonly (readonly string[])[]): Promise<Uint8Array> {
  // Loaded when a roster is asked for, not when the function starts (installed from its package.json).
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = '职称评审通';
  const sheet = book.addWorksheet('申报人员花名册', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, Math.max(1, columns.length));
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(1).alignment = { horizontal: 'center' };
  sheet.addRow([...columns]).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  columns.forEach((column, i) => {
    const width = Math.max(column.length * 2 + 2, ...rows.map((r) => (r[i] ?? '').length + 2));
    const col = sheet.getColumn(i + 1);
    col.width = Math.min(width, 40);
    col.numFmt = '@';
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return new Uint8Array(await book.xlsx.writeBuffer());
}
