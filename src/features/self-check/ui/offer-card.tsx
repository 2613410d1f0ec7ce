import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ChecklistItem, OfferAssessment, Reason, ReasonOutcome, Verdict } from '../../../core/eligibility/assessment';
import type { Source } from '../../../core/round/round.schema';
import { formatBeijingDate, formatBeijingShort } from '../../../core/time/format';
import './result.scss';

export const verdictText: Record<Verdict, string> = {
  eligible: '可以申报',
  eligible_if: '待确认',
  not_yet: '暂不符合',
  ineligible: '不符合',
};

const outcomeMark: Record<ReasonOutcome, { mark: string; label: string }> = {
  pass: { mark: '✓', label: '符合' },
  fail: { mark: '✕', label: '不符合' },
  later: { mark: '…', label: '时间未到' },
  unknown: { mark: '?', label: '待确认' },
  cannot_judge: { mark: '!', label: '无法判断' },
  info: { mark: 'i', label: '说明' },
};

const maskText: Record<string, string> = {
  own_name: '本人姓名',
  own_photo: '本人照片',
  own_photo_eyes: '照片眼部',
  id_card_photo_eyes: '身份证照片眼部',
  work_unit: '工作单位',
  unit_seal: '单位公章',
  id_number: '身份证号',
};

/** Uploads first, then what is typed in, then the paper copies handed in after formal review. */
const materialGroups: readonly { title: string; test: (m: ChecklistItem) => boolean }[] = [
  { title: '网上上传的材料', test: (m) => m.stage === 'online' && m.form === 'upload' },
  { title: '网上填写的内容', test: (m) => m.stage === 'online' && m.form === 'field' },
  { title: '纸质材料（通过形式审核后报送）', test: (m) => m.stage === 'paper' },
];

const dateOf = (isoDate: string) => formatBeijingDate(new Date(`${isoDate}T00:00:00+08:00`));

/** One level × way × channel: its verdict up front, every reason and what to prepare on tap. */
export function OfferCard({ offer, onClause }: { offer: OfferAssessment; onClause: (source: Source) => void }) {
  const [open, setOpen] = useState(offer.verdict !== 'ineligible');
  const summary =
    offer.verdict === 'not_yet' && offer.earliestDate
      ? `最早 ${dateOf(offer.earliestDate)} 起符合`
      : offer.verdict === 'eligible_if'
        ? `还需确认 ${offer.missing.length} 项`
        : null;
  return (
    <View className={`offer offer--${offer.verdict}`}>
      <View className='offer__head' hoverClass='offer__head--pressed' onClick={() => setOpen(!open)} aria-expanded={open}>
        <View className='offer__titles'>
          <Text className='offer__label'>{offer.label}</Text>
          {offer.titleNames.length > 0 ? <Text className='offer__names'>{offer.titleNames.join('、')}</Text> : null}
          {summary ? <Text className='offer__summary'>{summary}</Text> : null}
        </View>
        <Text className={`verdict verdict--${offer.verdict}`}>{verdictText[offer.verdict]}</Text>
      </View>

      {open ? (
        <View className='offer__body'>
          {offer.forwardedTo ? <Text className='offer__forward'>{offer.forwardedTo}</Text> : null}
          {offer.missing.length > 0 ? (
            <View className='offer__section'>
              <Text className='offer__section-title'>还需要确认</Text>
              {offer.missing.map((m) => (
                <Text key={m} className='offer__missing'>
                  · {m}
                </Text>
              ))}
            </View>
          ) : null}

          <View className='offer__section'>
            <Text className='offer__section-title'>判断依据</Text>
            {offer.reasons.map((reason, i) => (
              <ReasonRow key={`${reason.code}-${i}`} reason={reason} onClause={onClause} />
            ))}
          </View>

          <View className='offer__section'>
            <Text className='offer__section-title'>费用与答辩</Text>
            <Text className='offer__line'>
              评审费：{offer.fee ? `${offer.fee.amountYuan} 元（${offer.fee.when}）` : '通知未列明'}
            </Text>
            <Text className='offer__line'>答辩：{offer.defense.message}</Text>
          </View>

          {offer.dates.length > 0 ? (
            <View className='offer__section'>
              <Text className='offer__section-title'>关键时间（北京时间）</Text>
              <Text className='offer__line'>
                网上申报：
                {offer.window.start && offer.window.end
                  ? `${formatBeijingShort(new Date(offer.window.start))} 至 ${formatBeijingShort(new Date(offer.window.end))}`
                  : '待通知'}
                {windowText[offer.window.state]}
              </Text>
              {offer.dates
                .filter((d) => d.kind !== 'apply')
                .map((d) => (
                  <Text key={`${d.kind}-${d.label}`} className='offer__line'>
                    {d.label}：
                    {d.start && d.end
                      ? `${formatBeijingShort(new Date(d.start))} 至 ${formatBeijingShort(new Date(d.end))}`
                      : (d.end ? formatBeijingShort(new Date(d.end)) : d.note ?? '另行通知')}
                  </Text>
                ))}
            </View>
          ) : null}

          {materialGroups.map((group) => {
            const items = offer.materials.filter(group.test);
            if (items.length === 0) return null;
            return (
              <View key={group.title} className='offer__section'>
                <Text className='offer__section-title'>
                  {group.title}（{items.filter((m) => m.need === 'required').length} 项必备）
                </Text>
                {items.map((m) => (
                  <View key={m.code} className='material'>
                    <Text className='material__name'>
                      {m.name}
                      {m.need === 'if_any' ? '（如有）' : m.need === 'per_conditions' ? '（按条件要求）' : ''}
                    </Text>
                    {m.condition ? <Text className='material__condition'>{m.condition}</Text> : null}
                    {m.mask.length > 0 ? (
                      <Text className='material__mask'>盲评遮挡：{m.mask.map((k) => maskText[k] ?? k).join('、')}</Text>
                    ) : null}
                  </View>
                ))}
              </View>
            );
          })}
        </View>
      ) : null}
    </View>
  );
}

const windowText: Record<OfferAssessment['window']['state'], string> = {
  open: '（申报中）',
  not_started: '（未开始）',
  closed: '（已截止）',
  unknown: '',
};

function ReasonRow({ reason, onClause }: { reason: Reason; onClause: (source: Source) => void }) {
  const mark = outcomeMark[reason.outcome];
  return (
    <View className='reason'>
      <Text className={`reason__mark reason__mark--${reason.outcome}`} aria-label={mark.label}>
        {mark.mark}
      </Text>
      <View className='reason__body'>
        <Text className='reason__message'>{reason.message}</Text>
        <View
          className='reason__clause'
          role='button'
          aria-label={`查看通知原文第${reason.source.clause}条`}
          onClick={() => onClause(reason.source)}
        >
          依据：第 {reason.source.clause} 条 ›
        </View>
      </View>
    </View>
  );
}
