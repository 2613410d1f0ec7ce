/**
 * In the browser (the local demo): the file is saved by the browser, which opens it with Word or
 * WPS. Answers why not, in Chinese, or null.
 */
export async function openDocument(file: { readonly url: string; readonly fileType: 'docx' | 'xlsx' | 'pdf'; readonly name?: string }): Promise<string | null> {
  if (typeof document === 'undefined') return '这里不能打开文件。';
  const link = document.createElement('a');
  // The local runtime saves it under the name asked for (the cloud's temporary URLs are WeChat's).
  link.href = file.name ? `${file.url}${file.url.includes('?') ? '&' : '?'}download=${encodeURIComponent(file.name)}` : file.url;
  link.download = file.name ?? `文件.${file.fileType}`;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  return null;
}
