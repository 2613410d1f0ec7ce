import { Text, View } from '@tarojs/components';
import type { Round } from '../../../core/round/round.schema';
import './result.scss';

/**
 * What to do after the self-check, one answer: in this app where the round is open here (开始申报
 * above); the notice's own platform only where it is not. Then whom to ask.
 */
export function NextSteps({ round, inApp }: { round: Round; inApp: boolean }) {
  return (
    <View className='next'>
      <Text className='next__title'>下一步</Text>
      {inApp ? (
        <Text className='next__line'>点上面的“开始申报”，在本小程序里准备材料并提交。</Text>
      ) : (
        <Text className='next__line'>
          按通知在“{round.platform.name}”网上申报：{round.platform.url}
        </Text>
      )}
      {round.contacts.map((contact) => (
        <Text key={`${contact.role}-${contact.phones.join()}`} className='next__line'>
          {contact.role}
          {contact.names.length > 0 ? `（${contact.names.join('、')}）` : ''}：{contact.phones.join('、')}
        </Text>
      ))}
      {inApp ? null : <Text className='next__hint'>不清楚的条件，可以先问单位人事或上面的联系电话。</Text>}
    </View>
  );
}
