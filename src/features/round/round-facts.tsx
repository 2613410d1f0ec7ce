import { Text, View } from '@tarojs/components';
import { roundKeyDates } from '../../core/eligibility/windows';
import { CHANNEL_LABELS, LEVEL_LABELS, WAY_LABELS, joinAnd } from '../../core/eligibility/labels';
import type { Round } from '../../core/round/round.schema';
import { formatBeijingDate, formatBeijingMoment } from '../../core/time/format';
import './round.scss';

/** `2024年7月22日 至 2024年8月30日 18:00`, every date with its year, in Beijing time. */
function span(start: string | null, end: string | null, note: string | null): string {
  const s = start ? formatBeijingMoment(new Date(start)) : null;
  const e = end ? formatBeijingMoment(new Date(end)) : null;
  const when = s && e ? `${s} 至 ${e}` : (s ?? e ?? '');
  return [when, note].filter((part) => part).join('；') || '另行通知';
}

/** What a round says, read from its data: issuer, dates, fees, where to apply, whom to call. */
export function RoundFacts({ round }: { round: Round }) {
  const issued = formatBeijingDate(new Date(`${round.issuedOn.date}T00:00:00+08:00`));
  return (
    <View className='round'>
      <View className='round__card'>
        <Text className='round__title'>{round.title}</Text>
        <Text className='round__meta'>
          {round.issuer.name}
          {round.issuer.signedBy && round.issuer.signedBy !== round.issuer.name ? `（${round.issuer.signedBy}）` : ''} · {issued}发布
        </Text>
        <Text className='round__meta'>
          {round.region.prefecture}
          {round.region.county ? ` · ${round.region.county}` : ''}
        </Text>
      </View>

      <View className='round__card'>
        <Text className='round__heading'>时间安排（北京时间）</Text>
        {roundKeyDates(round).map((d) => (
          <View key={`${d.kind}-${d.label}`} className='round__row'>
            <Text className='round__label'>{d.label}</Text>
            <Text className='round__value'>{span(d.start, d.end, d.note)}</Text>
          </View>
        ))}
      </View>

      <View className='round__card'>
        <Text className='round__heading'>评审费</Text>
        {round.fees.items.length === 0 ? <Text className='round__meta'>通知没有写评审费。</Text> : null}
        {round.fees.items.map((fee, i) => (
          <View key={i} className='round__row'>
            <Text className='round__label'>
              {joinAnd(fee.levels.map((l) => LEVEL_LABELS[l]))} · {WAY_LABELS[fee.way]}
              {fee.channels ? ` · ${fee.channels.map((c) => CHANNEL_LABELS[c] || '普通评审').join('、')}` : ''}
            </Text>
            <Text className='round__value'>{fee.amountYuan} 元/人</Text>
          </View>
        ))}
      </View>

      <View className='round__card'>
        <Text className='round__heading'>在哪里申报</Text>
        <Text className='round__value'>{round.platform.name}</Text>
        <Text className='round__value round__value--link' userSelect>
          {round.platform.url}
        </Text>
        {round.platform.modules.map((m) => (
          <Text key={m.name} className='round__meta'>
            {m.name}
            {m.url ? `：${m.url}` : ''}
          </Text>
        ))}
      </View>

      {round.contacts.length > 0 ? (
        <View className='round__card'>
          <Text className='round__heading'>联系电话</Text>
          {round.contacts.map((c) => (
            <View key={`${c.role}-${c.phones.join()}`} className='round__row'>
              <Text className='round__label'>
                {c.role}
                {c.names.length > 0 ? `（${c.names.join('、')}）` : ''}
              </Text>
              <Text className='round__value' userSelect>
                {c.phones.join('、')}
              </Text>
              {c.place ? <Text className='round__meta'>{c.place}</Text> : null}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
