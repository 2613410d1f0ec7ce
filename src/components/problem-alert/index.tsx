import { Text, View } from '@tarojs/components';
import type { AppError } from '../../core/errors';
import './index.scss';

/** What went wrong, and each detail the server gave that the message does not already say. */
export function ProblemAlert({ problem }: { problem: AppError }) {
  const details = (problem.details ?? []).filter((d) => d !== problem.message);
  return (
    <View className='problem-alert' role='alert'>
      <Text>{problem.message}</Text>
      {details.map((d) => (
        <Text key={d}>· {d}</Text>
      ))}
    </View>
  );
}
