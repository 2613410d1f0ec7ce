import { Button, Text, View } from '@tarojs/components';
import type { Source } from '../../core/round/round.schema';
import './clause.scss';

/** The notice clause behind a reason, read in place: where it is and what it says. */
export function ClauseSheet({ source, noticeTitle, onClose }: { source: Source; noticeTitle: string; onClose: () => void }) {
  return (
    <View className='sheet' role='dialog' aria-label='通知原文'>
      <View className='sheet__mask' onClick={onClose} />
      <View className='sheet__panel'>
        <Text className='sheet__title'>通知原文</Text>
        <Text className='sheet__where'>
          《{noticeTitle}》第 {source.clause} 条
        </Text>
        {source.quote ? (
          <Text className='sheet__quote'>“{source.quote}”</Text>
        ) : (
          <Text className='sheet__quote sheet__quote--none'>本条没有摘录原文，请查阅通知全文的该条款。</Text>
        )}
        <Button className='sheet__close' onClick={onClose}>
          知道了
        </Button>
      </View>
    </View>
  );
}
