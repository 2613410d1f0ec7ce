import { Text, View } from '@tarojs/components';
import type { ApplicationView } from '../../core/contracts/api';
import { formatBeijingDateTime } from '../../core/time/format';
import './application.scss';

/**
 * 办理进度: whose move it is now (and, when returned, why and by when), then every event so far,
 * newest first, in Beijing time, with who acted and what they asked.
 */
export function Timeline({ application, reader = 'applicant' }: { application: ApplicationView; reader?: 'applicant' | 'reviewer' }) {
  return (
    <View className='application__card timeline'>
      <Text className='application__heading'>办理进度（北京时间）</Text>
      <Text className='timeline__now'>{reader === 'applicant' ? application.holderText : application.holderTextForReviewers}</Text>
      {[...application.events].reverse().map((event, i) => (
        <View key={`${event.at}-${i}`} className='timeline__event'>
          <Text className='timeline__when'>
            {formatBeijingDateTime(new Date(event.at))}
            {event.who ? ` · ${event.who}` : ''}
          </Text>
          <Text className='timeline__what'>{event.what}</Text>
          {event.reasons.map((r) => (
            <Text key={r} className='timeline__reason'>
              · {r}
            </Text>
          ))}
          {event.opinion ? <Text className='timeline__opinion'>意见：{event.opinion}</Text> : null}
        </View>
      ))}
    </View>
  );
}
