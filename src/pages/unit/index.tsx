import { Text, View } from '@tarojs/components';
import { useRouter } from '../../services/page/lifecycle';
import { confirm, copyText } from '../../services/ui/dialogs';
import { useEffect, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ErrorView, LoadingView } from '../../components/status-view';
import { withSystemFont } from '../../components/system-font';
import type { MyUnitView, PayloadOf } from '../../core/contracts/api';
import { inviteCodeFromScene } from '../../core/people/invite-scene';
import { InviteImage } from '../../features/unit/invite-image';
import { RegisterPerson } from '../../features/unit/register-person';
import { JoinForm, RegisterForm } from '../../features/unit/unit-forms';
import { call } from '../../services/api/client';
import { useCall } from '../../services/api/use-call';
import '../../features/unit/unit.scss';

/**
 * 我的单位: the unit one applies through. Without one: join with the invite code, or (a unit's
 * head) register it for the HR bureau's approval. A unit admin shares the invite code from here,
 * as text or as a mini-program code that opens this page with the code (`scene`) filled in.
 */
function MyUnit() {
  const scanned = inviteCodeFromScene(useRouter().params.scene);
  const me = useCall('account', 'me', {});
  const loaded = useCall('units', 'mine', {});
  const [unit, setUnit] = useState<MyUnitView | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ form: 'join' | 'register' | 'renew'; message: string } | null>(null);
  const first = loaded.status === 'ready' ? loaded.data : undefined;
  useEffect(() => {
    if (first !== undefined) setUnit(first);
  }, [first]);

  // Someone WeChat identifies but we do not know yet (a colleague who scanned the code): who they are first.
  if (me.status === 'error' && me.error.code === 'AUTH.UNKNOWN_PERSON') {
    return (
      <RegisterPerson
        onRegistered={() => {
          me.reload();
          loaded.reload();
        }}
      />
    );
  }
  if (me.status === 'loading' || loaded.status === 'loading' || unit === undefined) {
    if (loaded.status === 'error') return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
    if (me.status === 'error') return <ErrorView error={me.error} onRetry={me.reload} />;
    return <LoadingView label='正在读取单位信息…' />;
  }
  if (me.status === 'error') return <ErrorView error={me.error} onRetry={me.reload} />;

  async function join(code: string) {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await call('units', 'join', { inviteCode: code });
    setBusy(false);
    if (result.ok) setUnit(result.value);
    else setError({ form: 'join', message: result.error.message });
  }

  async function register(payload: PayloadOf<'units', 'register'>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await call('units', 'register', payload);
    setBusy(false);
    if (result.ok) setUnit(result.value);
    else setError({ form: 'register', message: result.error.message });
  }

  /** 换一个邀请码: after a confirmation, since the old code and its mini-program code stop working. */
  async function renew() {
    if (busy) return;
    const confirmed = await confirm({ title: '换一个邀请码？', content: '换码后，旧邀请码和旧二维码立即失效；已加入本单位的人不受影响。', confirmText: '换码', cancelText: '不换' });
    if (!confirmed) return;
    setBusy(true);
    setError(null);
    const result = await call('units', 'renewInviteCode', {});
    setBusy(false);
    if (result.ok) setUnit(result.value);
    else setError({ form: 'renew', message: result.error.message });
  }

  const waiting = unit?.relation === 'registrant' && unit.status === 'pending';
  const rejected = unit?.relation === 'registrant' && unit.status === 'rejected';
  return (
    <View className='unit'>
      {unit && unit.relation !== 'registrant' ? (
        <View className='unit__card'>
          <Text className='unit__name'>{unit.name}</Text>
          <Text className='unit__status'>{unit.relation === 'admin' ? '您是本单位的单位管理员' : '您已加入本单位，申报由本单位先审核'}</Text>
        </View>
      ) : null}
      {unit?.relation === 'admin' && unit.inviteCode ? (
        <View className='unit__card'>
          <Text className='unit__heading'>本单位邀请码</Text>
          <Text className='unit__code' aria-label={`邀请码 ${unit.inviteCode.split('').join(' ')}`}>
            {`${unit.inviteCode.slice(0, 5)} ${unit.inviteCode.slice(5)}`}
          </Text>
          <Text className='unit__note'>把邀请码或下面的二维码发给本单位的申报人：他们加入本单位后，申报会出现在您的“申报审核”里。</Text>
          <ActionButton tone='light' onTap={() => void copyText(unit.inviteCode!)}>
            复制邀请码
          </ActionButton>
          <InviteImage key={unit.inviteCode} />
          <Text className='unit__note'>邀请码被不该知道的人拿到了，可以换一个新的。</Text>
          {error?.form === 'renew' ? <Text className='unit__error'>{error.message}</Text> : null}
          <ActionButton tone='plain' disabled={busy} onTap={() => void renew()}>
            {busy ? '正在换码…' : '换一个邀请码'}
          </ActionButton>
        </View>
      ) : null}
      {waiting ? (
        <View className='unit__card'>
          <Text className='unit__name'>{unit.name}</Text>
          <Text className='unit__status'>登记已提交，等待{unit.level === 'county' ? '县（市）' : '地（州）'}人社局审核</Text>
          <Text className='unit__note'>审核结果会通知您；通过后您会成为本单位的单位管理员，并得到邀请码。</Text>
        </View>
      ) : null}
      {rejected ? (
        <View className='unit__card'>
          <Text className='unit__name'>{unit.name}</Text>
          <Text className='unit__status unit__status--rejected'>登记没有通过：{unit.rejectReason}</Text>
          <Text className='unit__note'>请按理由修改后在下面重新登记。</Text>
        </View>
      ) : null}
      {!unit || rejected ? (
        <>
          {!rejected ? <JoinForm busy={busy} error={error?.form === 'join' ? error.message : null} scanned={scanned} onJoin={(code) => void join(code)} /> : null}
          <RegisterForm prefecture={me.data.prefecture} busy={busy} error={error?.form === 'register' ? error.message : null} onRegister={(u) => void register(u)} />
        </>
      ) : null}
    </View>
  );
}

export default withSystemFont(MyUnit);
