import { confirm } from '../../../services/ui/dialogs';
import { CONFIRM } from '../../../core/review/confirmations';
import { Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { ActionButton } from '../../../components/action-button';
import { EmptyView, ErrorView, LoadingView } from '../../../components/status-view';
import { withSystemFont } from '../../../components/system-font';
import type { PendingUnitView } from '../../../core/contracts/api';
import { Fold } from '../../../components/fold';
import { formatBeijingDateTime } from '../../../core/time/format';
import { EMPLOYMENT_KIND_LABELS } from '../../../core/eligibility/labels';
import { call } from '../../../services/api/client';
import { useCall } from '../../../services/api/use-call';
import '../../../features/unit/unit.scss';

/**
 * 单位登记审核: the units of the HR bureau's level waiting for approval; 通过, or 不通过 with a
 * reason; below, the registrations the bureau decided, who decided and when.
 */
function UnitRequests() {
  const loaded = useCall('units', 'pending', {});
  const history = useCall('units', 'decided', {});
  const [list, setList] = useState<readonly PendingUnitView[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [reasons, setReasons] = useState<Readonly<Record<string, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const first = loaded.status === 'ready' ? loaded.data : null;
  useEffect(() => {
    if (first) setList(first);
  }, [first]);
  if (loaded.status === 'error') return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  if (!list) return <LoadingView label='正在读取待审核的单位…' />;

  async function decide(unitId: string, approve: boolean) {
    if (busy) return;
    const unit = list?.find((u) => u.unitId === unitId);
    if (approve && unit && !(await confirm(CONFIRM.approveUnit(unit.name, unit.registrantName)))) return;
    setBusy(unitId);
    setError(null);
    const result = await call('units', 'decide', { unitId, approve, reason: reasons[unitId] ?? '' });
    setBusy(null);
    if (result.ok) {
      setList(result.value);
      history.reload();
    } else setError(result.error.message);
  }

  return (
    <View className='unit'>
      {error ? (
        <View className='unit__card' role='alert'>
          <Text className='unit__error'>{error}</Text>
        </View>
      ) : null}
      {list.length === 0 ? <EmptyView title='没有待审核的单位' hint='单位负责人在“我的单位”里登记后，会出现在这里。' /> : null}
      {list.map((u) => (
        <View key={u.unitId} className='unit__card unit-request'>
          <Text className='unit__name'>{u.name}</Text>
          <Text className='unit__note'>
            {u.level === 'prefecture' ? '地（州）直属单位' : `${u.county ?? ''}单位`} · {EMPLOYMENT_KIND_LABELS[u.kind]} · 登记人 {u.registrantName}
          </Text>
          <Text className='unit__note'>统一社会信用代码：{u.creditCode ?? '未填写'}</Text>
          <Text className='unit__note'>联系人：{u.contact ? `${u.contact.name} ${u.contact.phone}` : '未填写'}</Text>
          <ActionButton disabled={busy !== null} onTap={() => void decide(u.unitId, true)}>
            {busy === u.unitId ? '正在提交…' : '通过'}
          </ActionButton>
          <Input
            className='unit__input'
            value={reasons[u.unitId] ?? ''}
            maxlength={100}
            placeholder='不通过的理由，如：名称与公章不一致'
            aria-label={`${u.name}不通过的理由`}
            onInput={(e) => setReasons({ ...reasons, [u.unitId]: e.detail.value })}
          />
          <ActionButton tone='light' disabled={busy !== null || (reasons[u.unitId] ?? '').trim() === ''} onTap={() => void decide(u.unitId, false)}>
            不通过（写明理由）
          </ActionButton>
        </View>
      ))}
      {history.status === 'ready' && history.data.length > 0 ? (
        <View className='unit__card'>
          <Fold title={`已处理的单位登记（${history.data.length}）`} hint='通过或不通过的记录，最近的在前'>
            {history.data.map((u) => (
              <View key={u.unitId} className='unit-request'>
                <Text className='unit__name'>{u.name}</Text>
                <Text className='unit__note'>
                  {u.approved ? '已通过' : `未通过：${u.rejectReason ?? ''}`} · {u.decidedBy} · {formatBeijingDateTime(new Date(u.decidedAt))}
                </Text>
                <Text className='unit__note'>统一社会信用代码：{u.creditCode ?? '未填写'} · 登记人 {u.registrantName}</Text>
              </View>
            ))}
          </Fold>
        </View>
      ) : null}
    </View>
  );
}

export default withSystemFont(UnitRequests);
