import { Text, View } from '@tarojs/components';
import { isEditable } from '../../core/application/editable';
import type { ApplicationView } from '../../core/contracts/api';
import { formatBeijingDateTime } from '../../core/time/format';
import { timeLeftText } from '../../core/time/time-left';
import { WindowLine } from './window-line';

/**
 * The application's first card: what it is for, where it stands, the deadline that decides now
 * (the return's while returned, else the apply window) and how much of the form is done.
 */
export function ApplicationHeader({ application: a, done, required, blocking, now }: { application: ApplicationView; done: number; required: number; blocking: number; now: Date }) {
  const editable = isEditable(a.status);
  return (
    <View className='application__card'>
      <Text className='application__label'>
        {a.label}
        {a.titleNames.length > 0 ? `（${a.titleNames.join('、')}）` : ''}
      </Text>
      <Text className='application__meta'>{a.roundTitle}</Text>
      <Text className='application__status'>{a.statusText}</Text>
      {/* While returned, the return's deadline is the one that decides: it leads, the apply window does not show. */}
      {a.status === 'returned' && a.returnDeadline ? (
        <Text className='application__deadline'>
          请在 {formatBeijingDateTime(new Date(a.returnDeadline))} 前修改后重新提交（北京时间，{timeLeftText(new Date(a.returnDeadline), now)}）
        </Text>
      ) : editable ? (
        <WindowLine window={a.window} now={now} />
      ) : null}
      {editable ? (
        <Text className='application__line'>
          必填必传已完成 {done} / {required} 项
          {blocking > 0 ? `，提交前还有 ${blocking} 处要处理（见页面下方）` : '，可以提交'}
        </Text>
      ) : null}
    </View>
  );
}
