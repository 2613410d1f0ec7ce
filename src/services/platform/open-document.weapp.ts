import Taro from '@tarojs/taro';

/**
 * In WeChat: downloads the file and opens it in WeChat's document viewer, whose menu forwards it
 * to a chat or opens it in another app (WPS, Word) to print. Answers why not, in Chinese, or null.
 */
export async function openDocument(file: { readonly url: string; readonly fileType: 'docx' | 'xlsx' | 'pdf' }): Promise<string | null> {
  try {
    const downloaded = await Taro.downloadFile({ url: file.url });
    if (downloaded.statusCode !== 200) return '文件没有下载下来，请稍后再试。';
    await Taro.openDocument({ filePath: downloaded.tempFilePath, fileType: file.fileType, showMenu: true });
    return null;
  } catch {
    return '文件没有打开。请检查网络后再试；如仍打不开，可在电脑上登录下载。';
  }
}
