import { Text, View } from '@tarojs/components';
import type { Profile } from '../../../core/eligibility/profile';
import { MonthField } from '../../../components/month-field';
import { titleOf, type Question, type QuestionContext } from '../questions';
import { ChoiceList, UNSURE } from './choice-list';
import { HoursField } from './hours-field';
import { NumberField } from './number-field';
import { RowsField } from './rows-field';
import { SpecialtyPicker } from './specialty-picker';

/**
 * The question's place. Later questions depend on the answers (a title asks for its date), so the
 * total is said as 约 until the last question, when it is certain: it never grows unannounced.
 */
export function QuestionHeader({ step, total, title, hint, certain = false }: { step: number; total: number; title: string; hint?: string; certain?: boolean }) {
  const count = `${certain ? '共' : '约'} ${total} 题`;
  return (
    <View className='self-check__header'>
      {total > 0 ? (
        <View className='progress' aria-label={`第 ${step} 题，${count}`}>
          <Text className='progress__text'>
            第 {step} 题 / {count}
          </Text>
          <View className='progress__bar'>
            <View className='progress__fill' style={{ width: `${Math.round((step / total) * 100)}%` }} />
          </View>
        </View>
      ) : null}
      <Text className='self-check__title'>{title}</Text>
      {hint ? <Text className='self-check__hint'>{hint}</Text> : null}
    </View>
  );
}

/** One question's input, by its kind: a choice moves on by itself (`onChoose`); the others change the answers in place. */
export function QuestionBody({
  question,
  profile,
  ctx,
  onChange,
  onChoose,
  onValidity,
}: {
  question: Question;
  profile: Profile;
  ctx: QuestionContext;
  onChange: (profile: Profile) => void;
  onChoose: (profile: Profile) => void;
  onValidity: (valid: boolean) => void;
}) {
  switch (question.kind) {
    case 'choice':
      return (
        <ChoiceList
          options={question.options(ctx)}
          selected={question.read(profile)}
          onSelect={(value) => onChoose(question.write(profile, value === UNSURE ? undefined : value))}
        />
      );
    case 'specialty':
      return (
        <SpecialtyPicker
          groups={question.groups(ctx)}
          selected={question.read(profile)}
          onSelect={(value) => onChoose(question.write(profile, value === UNSURE ? undefined : value))}
        />
      );
    case 'month':
      return (
        <View>
          <MonthField
            value={question.read(profile)}
            suggest={question.suggest(profile, ctx)}
            start='1960-01'
            end={ctx.latestMonth}
            onChange={(month) => onChange(question.write(profile, month))}
          />
          <Text className='self-check__note'>只需选到月份；计算年限时按该月最后一天算，不会多算。</Text>
        </View>
      );
    case 'number':
      return (
        <NumberField
          key={question.id}
          label={titleOf(question, ctx)}
          value={question.read(profile)}
          rule={{ min: question.min, max: question.max, decimals: false, unit: question.unit }}
          onChange={(value) => onChange(question.write(profile, value))}
          onValidity={onValidity}
        />
      );
    case 'rows':
      return (
        <RowsField
          rows={question.rows(ctx, profile)}
          options={question.options}
          read={(key) => question.read(profile, key)}
          onChange={(key, v) => onChange(question.write(profile, key, v))}
        />
      );
    case 'hours':
      return (
        <HoursField
          years={question.years(ctx)}
          read={(year) => question.read(profile, year)}
          onChange={(year, hours) => onChange(question.write(profile, year, hours))}
          onValidity={onValidity}
        />
      );
  }
}
