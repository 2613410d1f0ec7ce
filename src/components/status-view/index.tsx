import { Button, Text, View } from '@tarojs/components';
import type { AppError } from '../../core/errors';
import './index.scss';

/** A page part that is loading: says what is happening, not just a spinner. */
export function LoadingView({ label }: { label: string }) {
  return (
    <View className='status-view' role='status' aria-live='polite'>
      <View className='status-view__spinner' />
      <Text className='status-view__text'>{label}</Text>
    </View>
  );
}

/** An error: what happened, and a button to try again. */
export function ErrorView({ error, onRetry }: { error: AppError; onRetry?: () => void }) {
  return (
    <View className='status-view status-view--error' role='alert'>
      <Text className='status-view__title'>没有加载成功</Text>
      <Text className='status-view__text'>{error.message}</Text>
      {error.details?.map((line) => (
        <Text key={line} className='status-view__detail'>
          {line}
        </Text>
      ))}
      {onRetry ? (
        <Button className='status-view__action' onClick={onRetry}>
          重试
        </Button>
      ) : null}
    </View>
  );
}

/** Nothing to show yet: says why, and what to do next. */
export function EmptyView({ title, hint }: { title: string; hint: string }) {
  return (
    <View className='status-view'>
      <Text className='status-view__title'>{title}</Text>
      <Text className='status-view__text'>{hint}</Text>
    </View>
  );
}
