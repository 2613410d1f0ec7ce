import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { OfferAssessment, Reason, ReasonOutcome, Verdict } from '../../../core/eligibility/assessment';
import type { Source } from '../../../core/round/round.schema';
import { formatBeijingShort } from '../../../core/time/format';
import { ClauseLink } from '../../../components/clause/clause-link';
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

/**
 * One level × way × channel, folded: its verdict on the head, and on tap the reasons that are its
 * own (those every level shares are said once above), the fee, the defense and the dates.
 */
export function OfferCard({ offer, reasons, onClause }: { offer: OfferAssessment; reasons: readonly Reason[]; onClause: (source: Source) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <View className={`offer offer--${offer.verdict}`}>
      <View className='offer__head' hoverClass='offer__head--pressed' role='button' onClick={() => setOpen(!open)} aria-expanded={open}>
        <View className='offer__titles'>
          <Text className='offer__label'>{offer.label}</Text>
          {offer.titleNames.length > 0 ? <Text className='offer__names'>{offer.titleNames.join('、')}</Text> : null}
        </View>
        <Text className={`verdict verdict--${offer.verdict}`}>{verdictText[offer.verdict]}</Text>
        <Text className='offer__chevron'>{open ? '收起' : '详情'}</Text>
      </View>

      {open ? (
        <View className='offer__body'>
          {offer.forwardedTo ? <Text className='offer__forward'>{offer.forwardedTo}</Text> : null}
          {reasons.length > 0 ? (
            <View className='offer__section'>
              <Text className='offer__section-title'>这一项的判断依据</Text>
              {reasons.map((reason, i) => (
                <ReasonRow key={`${reason.code}-${i}`} reason={reason} onClause={onClause} />
              ))}
            </View>
          ) : null}

          <View className='offer__section'>
            <Text className='offer__section-title'>费用与答辩</Text>
            <Text className='offer__line'>评审费：{offer.fee ? `${offer.fee.amountYuan} 元（${offer.fee.when}）` : '通知未列明'}</Text>
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
                      : d.end
                        ? formatBeijingShort(new Date(d.end))
                        : (d.note ?? '另行通知')}
                  </Text>
                ))}
            </View>
          ) : null}
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

/** One reason: its mark, its words, the person's own facts where a document decides, the clause. */
export function ReasonRow({ reason, onClause }: { reason: Reason; onClause: (source: Source) => void }) {
  const mark = outcomeMark[reason.outcome];
  return (
    <View className='reason'>
      <Text className={`reason__mark reason__mark--${reason.outcome}`} aria-label={mark.label}>
        {mark.mark}
      </Text>
      <View className='reason__body'>
        <Text className='reason__message'>{reason.message}</Text>
        {reason.ownFacts?.map((fact) => (
          <Text key={fact} className='reason__fact'>
            · {fact}
          </Text>
        ))}
        {reason.interpretation ? <Text className='reason__note'>说明：{reason.interpretation}</Text> : null}
        <ClauseLink source={reason.source} onClause={onClause} />
      </View>
    </View>
  );
}
