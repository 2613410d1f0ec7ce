import { Image, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { call } from '../../services/api/client';
import './index.scss';

/**
 * A file's picture, from a short-lived URL the server issues to whoever may read that copy; a PDF
 * is shown as its kind (a phone opens it with `openDocument`, not as a picture).
 */
export function FileThumb({ applicationId, sha256, copy = 'original', pdf = false }: { applicationId: string; sha256: string; copy?: 'original' | 'blind'; pdf?: boolean }) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (pdf) return;
    let live = true;
    void call('applications', 'fileUrl', { applicationId, sha256, copy }).then((r) => {
      if (!live) return;
      if (r.ok) setUrl(r.value.url);
      else setFailed(true);
    });
    return () => {
      live = false;
    };
  }, [applicationId, sha256, copy, pdf]);
  if (pdf) {
    return (
      <View className={`thumb thumb--${copy}`}>
        <Text className='thumb__text'>PDF</Text>
      </View>
    );
  }
  return (
    <View className={`thumb thumb--${copy}`}>
      {url ? <Image className='thumb__image' src={url} mode='aspectFill' /> : <Text className='thumb__text'>{failed ? '无法显示' : '加载中'}</Text>}
    </View>
  );
}
