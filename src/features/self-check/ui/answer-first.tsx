import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { OfferAssessment } from '../../../core/eligibility/assessment';
import { LEVEL_LABELS } from '../../../core/eligibility/labels';
import type { ResultSummary, SummaryLine } from '../../../core/eligibility/result.summary';
import { LEVELS, type Level, type Source } from '../../../core/round/round.schema';
import { chineseDate } from '../../../core/eligibility/calendar-date';
import { ClauseLink } from '../../../components/clause/clause-link';
import './result.scss';

const titles = (offer: OfferAssessment) => (offer.titleNames.length > 0 ? `（${offer.titleNames.join('、')}）` : '');

/**
 * The one screen that answers: what can be applied for now, what might be once something is
 * confirmed, and what is out and why. A person no offer is open to gets one sentence.
 */
export function AnswerFirst({
  summary,
  onClause,
  action,
  opensLater = false,
}: {
  summary: ResultSummary;
  /** The round's window has not opened yet: "may apply", not "may apply now". */
  opensLater?: boolean;
  onClause: (source: Source) => void;
  /** What can be done with a level offered now or once confirmed (开始申报中级). */
  action?: (offer: OfferAssessment) => ReactNode;
}) {
  if (summary.barred) {
    return (
      <View className='answer answer--barred'>
        <Text className='answer__heading'>您不能申报本批次</Text>
        <Text className='answer__sentence'>{summary.barred.message}</Text>
        <ClauseLink source={summary.barred.source} onClause={onClause} />
      </View>
    );
  }
  const now = summary.lines.filter((l) => l.now);
  // By level, lowest first (the usual next step leads); a level's channels side by side.
  const maybe = summary.lines
    .flatMap((line) => line.ifConfirmed.map((offer) => ({ line, offer })))
    .sort((a, b) => LEVELS.indexOf(a.offer.level) - LEVELS.indexOf(b.offer.level));
  return (
    <View className='answer'>
      {now.length > 0 ? (
        <View className='answer__block answer__block--now'>
          <Text className='answer__heading'>{opensLater ? '符合条件，开始后可以申报' : '现在可以申报'}</Text>
          {now.map((line) => (
            <LevelRow key={`now-${line.label}`} line={line} offer={line.now!}>
              {action?.(line.now!)}
            </LevelRow>
          ))}
        </View>
      ) : null}
      {maybe.length > 0 ? (
        <View className='answer__block answer__block--maybe'>
          <Text className='answer__heading'>{summary.toConfirm.every((i) => i.kind === 'document') ? '本通知的条件都符合，核实评审条件后可以申报' : '确认后可能可以申报'}</Text>
          {/* Each level on its own, with its own button in each channel: the usual next level first, a leap after it. */}
          {byLevel(maybe).map(({ level, rows }) => (
            <View key={`maybe-${level}`} className='answer__level'>
              <Text className='answer__level-name'>
                {LEVEL_LABELS[level]}
                {titles(rows[0]!.offer)}
              </Text>
              {rows.map(({ line, offer }) => (
                <View key={offer.key} className='answer__channel'>
                  <Text className='answer__way'>{line.label}</Text>
                  {action?.(offer)}
                </View>
              ))}
            </View>
          ))}
          <Text className='answer__note'>{confirmNote(summary)}</Text>
        </View>
      ) : null}
      {now.length === 0 && maybe.length === 0 ? <Text className='answer__heading'>本批次暂时没有您可以申报的级别</Text> : null}
      {summary.held ? <Text className='answer__held'>{summary.held.text}</Text> : null}
    </View>
  );
}

/** What is out and why, each reason once with the levels it concerns. */
export function OutList({ summary, onClause }: { summary: ResultSummary; onClause: (source: Source) => void }) {
  if (summary.out.length === 0) return null;
  return (
    <View className='answer answer--after'>
        <View className='answer__block answer__block--out'>
          <Text className='answer__heading answer__heading--quiet'>暂不能申报</Text>
          {summary.out.map((item) => (
            <View key={item.message} className='answer__out'>
              <Text className='answer__concerns'>{item.concerns.join('；')}</Text>
              <Text className='answer__sentence'>
                {item.message}
                {item.earliestDate ? `（最早${chineseDate(item.earliestDate)}起符合）` : ''}
              </Text>
              <ClauseLink source={item.source} onClause={onClause} />
            </View>
          ))}
        </View>
    </View>
  );
}

/** What stands between the person and a certain answer, counted by who settles it. */
function confirmNote(summary: ResultSummary): string {
  const answers = summary.toConfirm.filter((i) => i.kind === 'answer').length;
  const documents = summary.toConfirm.length - answers;
  const parts = [answers > 0 ? `要您确认 ${answers} 件` : '', documents > 0 ? `要核实 ${documents} 件` : ''].filter((p) => p !== '');
  return `${parts.join('，')}，见下面。`;
}

/** Rows of one level together, in the order given (lowest level first). */
function byLevel<T extends { readonly offer: OfferAssessment }>(rows: readonly T[]): { level: Level; rows: T[] }[] {
  const groups: { level: Level; rows: T[] }[] = [];
  for (const row of rows) {
    const group = groups.find((g) => g.level === row.offer.level);
    if (group) group.rows.push(row);
    else groups.push({ level: row.offer.level, rows: [row] });
  }
  return groups;
}

function LevelRow({ line, offer, children }: { line: SummaryLine; offer: OfferAssessment; children?: ReactNode }) {
  const level = `${LEVEL_LABELS[offer.level]}${titles(offer)}`;
  return (
    <View className='answer__level'>
      <Text className='answer__level-name'>{level}</Text>
      <Text className='answer__way'>{line.label}</Text>
      {children}
    </View>
  );
}
