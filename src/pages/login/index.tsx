import { Text, View } from '@tarojs/components';
import { useRouter } from '../../services/page/lifecycle';
import { restartAt } from '../../services/page/navigate';
import { useCallback, useEffect, useState } from 'react';
import { ErrorView, LoadingView } from '../../components/status-view';
import type { AppError } from '../../core/errors';
import { devLogin, listDemoPeople, type DemoPerson } from '../../services/dev-login';
import { saveSessionToken } from '../../services/session';
import './index.scss';
import { withSystemFont } from '../../components/system-font';

type State =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'ready'; people: DemoPerson[]; signingIn: string | null; failure: AppError | null };

/**
 * Local runtime only: pick a seeded person to act as. In WeChat the platform identifies the caller
 * and this page is not part of the build.
 */
function Login() {
  const router = useRouter();
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(() => {
    setState({ status: 'loading' });
    void listDemoPeople().then((result) =>
      setState(
        result.ok
          ? { status: 'ready', people: result.value, signingIn: null, failure: null }
          : { status: 'error', error: result.error },
      ),
    );
  }, []);
  useEffect(load, [load]);

  const signIn = useCallback(async (personId: string) => {
    setState((s) => (s.status === 'ready' ? { ...s, signingIn: personId, failure: null } : s));
    const result = await devLogin(personId);
    if (!result.ok) {
      setState((s) => (s.status === 'ready' ? { ...s, signingIn: null, failure: result.error } : s));
      return;
    }
    saveSessionToken(result.value.token);
    await restartAt('/pages/index/index');
  }, []);

  // The dev console links here with ?personId=… to sign in with one tap.
  const preselected = router.params.personId;
  useEffect(() => {
    if (preselected && state.status === 'ready' && state.signingIn === null && state.failure === null) {
      void signIn(decodeURIComponent(preselected));
    }
  }, [preselected, state, signIn]);

  if (state.status === 'loading') return <LoadingView label='正在读取演示身份…' />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={load} />;

  return (
    <View className='login'>
      <View className='login__intro'>
        <Text className='login__title'>选择一个演示身份</Text>
        <Text className='login__hint'>这是本地运行环境的演示登录。正式小程序中，微信会自动识别您的身份。</Text>
      </View>
      {state.failure ? (
        <View className='login__failure' role='alert'>
          <Text>{state.failure.message}</Text>
        </View>
      ) : null}
      <View className='login__list'>
        {state.people.map((person) => (
          <View
            key={person.personId}
            className='login__person'
            hoverClass='login__person--pressed'
            onClick={() => void signIn(person.personId)}
            aria-label={`以${person.name}（${person.roleLabel}）的身份登录`}
          >
            <View className='login__person-main'>
              <Text className='login__person-name'>{person.name}</Text>
              <Text className='login__person-role'>
                {person.roleLabel}
                {person.note ? ` · ${person.note}` : ''}
              </Text>
            </View>
            <Text className='login__person-action'>{state.signingIn === person.personId ? '登录中…' : '登录'}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

export default withSystemFont(Login);
