import { Text, View } from '@tarojs/components';
import { scrollToElement } from '../../services/page/element';
import { ClauseLink } from '../../components/clause/clause-link';
import { Fold } from '../../components/fold';
import type { ReviewView } from '../../core/contracts/api';
import type { ReasonOutcome, Verdict } from '../../core/eligibility/assessment';
import type { Source } from '../../core/round/round.schema';
import { chineseDate } from '../../core/eligibility/calendar-date';
import './review.scss';

const VERDICT: Readonly<Record<Verdict, string>> = { eligible: '符合申报条件', eligible_if: '待确认', not_yet: '暂不符合', ineligible: '不符合' };
const MARK: Readonly<Record<ReasonOutcome, string>> = { pass: '✓', fail: '✕', later: '…', unknown: '?', cannot_judge: '?', info: 'i' };

/**
 * What the applicant declared, first on the reviewer's page: each fact with the materials that
 * prove it (a tap goes to them), the unit's publicity as recorded, and the self-check's verdict
 * with its reasons and clauses folded under it.
 */
export function DeclaredFacts({ view, onClause }: { view: ReviewView; onClause: (source: Source) => void }) {
  const names = new Map(view.application.materials.map((m) => [m.code, m.name]));
  const { verdict, reasons } = view.eligibility;
  return (
    <View className='review__card declared'>
      <Text className='review__heading'>申报人填报的情况（请与下面的材料逐项核对）</Text>
      {view.declared.map((fact) => (
        <View key={fact.label} className='declared__row'>
          <Text className='declared__label'>{fact.label}</Text>
          <Text className='declared__value'>{fact.value}</Text>
          {fact.materials.map((code) => (
            <View key={code} className='declared__proof' role='link' onClick={() => scrollToElement(`#material-${code}`)}>
              见材料：{names.get(code) ?? code} ›
            </View>
          ))}
        </View>
      ))}
      {view.publicity ? (
        <View className='declared__row'>
          <Text className='declared__label'>单位公示</Text>
          <Text className='declared__value'>
            {chineseDate(view.publicity.from)}至{chineseDate(view.publicity.to)}，{view.publicity.workingDays} 个工作日（通知要求不少于 {view.publicityRequiredDays} 个）
          </Text>
        </View>
      ) : null}
      <View className='declared__row'>
        <Text className='declared__label'>自查结论</Text>
        <Text className={`declared__value declared__verdict--${verdict}`}>{VERDICT[verdict]}</Text>
      </View>
      {reasons.length > 0 ? (
        <Fold title={`逐条依据（${reasons.length} 条）`} hint='每条写明依据通知的哪一条'>
          {reasons.map((r) => (
            <View key={r.code} className='declared__reason'>
              <Text className='review__line'>
                {MARK[r.outcome]} {r.message}
              </Text>
              <ClauseLink source={r.source} onClause={onClause} />
            </View>
          ))}
        </Fold>
      ) : null}
    </View>
  );
}
