import { Button, Text, View } from '@tarojs/components';
import type { Profile } from '../../../core/eligibility/profile';
import { answerText } from '../answer-text';
import { titleOf, visibleQuestions, type QuestionContext } from '../questions';
import './question.scss';

/** Every answer on one screen; one tap on a row changes that answer. */
export function AnswersView({
  profile,
  ctx,
  onEdit,
  onResult,
}: {
  profile: Profile;
  ctx: QuestionContext;
  onEdit: (questionId: string) => void;
  onResult: () => void;
}) {
  return (
    <View className='answers'>
      <View className='answers__list'>
        {visibleQuestions(profile, ctx).map((question) => (
          <View key={question.id} className='answers__row' hoverClass='answers__row--pressed' role='button' aria-label={`修改：${titleOf(question, ctx)}`} onClick={() => onEdit(question.id)}>
            <View className='answers__text'>
              <Text className='answers__question'>{titleOf(question, ctx)}</Text>
              <Text className='answers__answer'>{answerText(question, profile, ctx)}</Text>
            </View>
            <Text className='answers__edit'>修改</Text>
          </View>
        ))}
      </View>
      <Button className='nav-button nav-button--primary answers__done' onClick={onResult}>
        查看结果
      </Button>
    </View>
  );
}
