import { Navigator, Text, View } from '@tarojs/components';
import type { ApplicationView } from '../../core/contracts/api';
import './application.scss';
import '../defense/defense.scss';

/**
 * What comes next once an application is with the reviewers, shown first on its page: the fee
 * when it is payable (how, by when, the clause) or paid, and the way to the defense (or why none).
 */
export function NextSteps({ application }: { application: ApplicationView }) {
  const fee = application.fee && application.fee.state !== 'later' ? application.fee : null;
  const defense = application.defense.status === 'required' || application.defense.status === 'exempt';
  if (!fee && !defense) return null;
  return (
    <View className='application__card next-steps'>
      <Text className='application__heading'>接下来</Text>
      {fee ? (
        <View className={`submit__fee submit__fee--${fee.state}`}>
          <Text className='submit__fee-amount'>
            评审费 {fee.amountYuan} 元{fee.state === 'paid' ? '：已缴纳' : '：请按时缴纳'}
          </Text>
          {fee.state === 'due' ? <Text className='upload__note'>{fee.when}</Text> : null}
          <Text className='upload__note'>依据：通知第 {fee.source.clause} 条</Text>
        </View>
      ) : null}
      {defense ? (
        <Navigator className='defense-entry' hoverClass='defense-entry--pressed' url={`/pages/defense/index?id=${encodeURIComponent(application.id)}`}>
          <View className='defense-entry__text'>
            <Text className='defense-entry__title'>{application.defense.status === 'required' ? '答辩安排' : '免于答辩'}</Text>
            <Text className='defense-entry__hint'>
              {application.defense.status === 'required' ? `需要参加 ${application.defense.slotMinutes ?? 10} 分钟的专业水平答辩：时间、地点和微信提醒` : '查看免答辩的原因和通知依据'}
            </Text>
          </View>
          <Text className='defense-entry__arrow'>›</Text>
        </Navigator>
      ) : null}
    </View>
  );
}
