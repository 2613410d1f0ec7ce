import { Navigator, Text, View } from '@tarojs/components';
import type { ApplicationView } from '../../core/contracts/api';
import { chineseDate } from '../../core/eligibility/calendar-date';
import './application.scss';
import './apply-only.scss';
import { PAGES, urlOf } from '../../core/pages';

/** The committee's published result, answered first once there is one. */
const RESULT: Readonly<Partial<Record<ApplicationView['status'], { readonly title: string; readonly then: (title: string) => string }>>> = {
  passed: { title: '评审通过', then: () => '评审委员会将公示通过人员，公示期满无异议后取得资格。请留意公示通知。' },
  publicised: { title: '评审通过，公示中', then: () => '公示期满无异议后取得资格，届时会通知您。' },
  certified: { title: '已取得资格', then: (title) => `公示期满，您已取得${title}资格。` },
  failed: { title: '本次评审未通过', then: () => '如有疑问，请联系评审委员会办公室。' },
};

/**
 * What comes next once an application is with the reviewers, shown first on its page: the fee
 * when it is payable (how, by when, the clause) or paid, and the way to the defense (or why none).
 */
export function NextSteps({ application }: { application: ApplicationView }) {
  const result = RESULT[application.status];
  if (result) {
    return (
      <View className='application__card next-steps'>
        <Text className='application__heading'>评审结果</Text>
        <View className={`submit__fee submit__fee--${application.status === 'failed' ? 'due' : 'paid'}`}>
          <Text className='submit__fee-amount'>{result.title}</Text>
          <Text className='upload__note'>{result.then(application.titleNames[0] ?? application.label)}</Text>
        </View>
      </View>
    );
  }
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
          {fee.paid ? <Text className='upload__note'>{`${chineseDate(fee.paid.paidOn)}缴纳 ${fee.paid.amountYuan} 元，收据号 ${fee.paid.receiptNo}`}</Text> : null}
          <Text className='upload__note'>依据：通知第 {fee.source.clause} 条</Text>
        </View>
      ) : null}
      {defense ? (
        <Navigator className='defense-entry' hoverClass='defense-entry--pressed' url={urlOf(PAGES.defense(application.id))}>
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
