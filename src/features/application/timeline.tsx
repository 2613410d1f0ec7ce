import { Text, View } from '@tarojs/components';
import type { ApplicationView } from '../../core/contracts/api';
import { formatBeijingDateTime } from '../../core/time/format';
import './application.scss';

const EVENT_TEXT: Readonly<Record<ApplicationView['events'][number]['kind'], string>> = {
  created: '开始准备申报材料',
  submitted: '提交申报，转所在单位审核',
};

/** Who has the application now, in the applicant's words. */
export const HOLDER_TEXT: Readonly<Record<ApplicationView['status'], string>> = {
  draft: '在您手上：准备材料，齐了就提交',
  submitted: '在所在单位：等待单位审核',
};

/** 办理进度: where the application is now, then every event so far, newest first, in Beijing time. */
export function Timeline({ application }: { application: ApplicationView }) {
  return (
    <View className='application__card timeline'>
      <Text className='application__heading'>办理进度（北京时间）</Text>
      <Text className='timeline__now'>{HOLDER_TEXT[application.status]}</Text>
      {[...application.events].reverse().map((event, i) => (
        <View key={`${event.kind}-${event.at}-${i}`} className='timeline__event'>
          <Text className='timeline__when'>{formatBeijingDateTime(new Date(event.at))}</Text>
          <Text className='timeline__what'>{EVENT_TEXT[event.kind]}</Text>
        </View>
      ))}
    </View>
  );
}
