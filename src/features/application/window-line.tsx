import { Text } from '@tarojs/components';
import type { OfferAssessment } from '../../core/eligibility/assessment';
import { formatBeijingMoment } from '../../core/time/format';
import { timeLeftText } from '../../core/time/time-left';
import './application.scss';

/** 网上申报截止：2024年8月30日 18:00（北京时间，还剩 6 天）, by the server's clock. */
export function WindowLine({ window, now }: { window: OfferAssessment['window']; now: Date }) {
  if (!window.end) return <Text className='application__line'>网上申报时间：待通知</Text>;
  const end = new Date(window.end);
  if (window.state === 'not_started' && window.start) {
    return <Text className='application__line'>网上申报从 {formatBeijingMoment(new Date(window.start))} 开始（北京时间），现在可以先准备材料。</Text>;
  }
  return (
    <Text className='application__line'>
      网上申报截止：{formatBeijingMoment(end)}（北京时间，{timeLeftText(end, now)}）
    </Text>
  );
}
