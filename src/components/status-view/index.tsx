import { Button, Text, View } from '@tarojs/components';
import { errorKind, type AppError, type ErrorKind } from '../../core/errors';
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

/** What the screen calls each kind of failure, so nobody reads a refusal as a network fault. */
const kindTitles: Record<ErrorKind, string> = {
  network: '连不上服务器',
  busy: '系统繁忙',
  fault: '服务器出错了',
  refused: '无法查看',
};

/**
 * An error: which kind it is, what happened (the server's own message for a refusal), and a
 * retry where trying again can help: not for a refusal, which a retry only repeats.
 */
export function ErrorView({ error, onRetry }: { error: AppError; onRetry?: () => void }) {
  const kind = errorKind(error.code);
  return (
    <View className={`status-view status-view--error status-view--${kind}`} role='alert'>
      <Text className='status-view__title'>{kindTitles[kind]}</Text>
      <Text className='status-view__text'>{error.message}</Text>
      {error.details?.map((line) => (
        <Text key={line} className='status-view__detail'>
          {line}
        </Text>
      ))}
      {onRetry && kind !== 'refused' ? (
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
