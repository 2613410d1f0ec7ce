import { PageMeta } from '@tarojs/components';
import type { ComponentType } from 'react';
import { platform } from '../../services/platform/platform';

/**
 * Makes a page's text follow the phone's font-size setting (many applicants are over 45). The
 * weapp styles are in rem (config/index.ts), and `page-meta root-font-size="system"` makes 1rem the
 * system font size; its page config needs `enablePageMeta: true`. H5 styles are rem already and
 * follow the browser's root font, and H5 has no page-meta, so there it renders the page alone.
 */
export function withSystemFont<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  function SystemFontPage(props: P) {
    return (
      <>
        {platform.name === 'weapp' ? <PageMeta rootFontSize='system' /> : null}
        <Page {...props} />
      </>
    );
  }
  SystemFontPage.displayName = `withSystemFont(${Page.displayName ?? Page.name})`;
  return SystemFontPage;
}
