import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ClauseSheet } from '../../components/clause/clause-sheet';
import { MaterialsList } from '../../components/materials-list';
import { ErrorView, LoadingView } from '../../components/status-view';
import { withSystemFont } from '../../components/system-font';
import type { Source } from '../../core/round/round.schema';
import { WindowLine } from '../../features/application/window-line';
import { useCall } from '../../services/api/use-call';
import { serverNow } from '../../services/server-time';
import '../../features/application/application.scss';

const statusText = { draft: '准备材料中（还没有提交）' } as const;

/**
 * One application: what it is for, where it stands, the deadline by the server's clock, and the
 * round's materials for this person, each with what to upload, its format, what to mask and its clause.
 */
function ApplicationPage() {
  // Taro's H5 router hands the query over still encoded; WeChat decodes it (ids hold no '%').
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const application = useCall('applications', 'get', { applicationId: id });
  const [clause, setClause] = useState<Source | null>(null);

  if (application.status === 'loading') return <LoadingView label='正在读取申报…' />;
  if (application.status === 'error') return <ErrorView error={application.error} onRetry={application.reload} />;
  const a = application.data;
  const maskEverywhere = [...new Set(a.materials.flatMap((m) => (m.code === 'photo' || m.code === 'id_card' ? [] : m.mask)))];
  return (
    <View className='application'>
      <View className='application__card'>
        <Text className='application__label'>
          {a.label}
          {a.titleNames.length > 0 ? `（${a.titleNames.join('、')}）` : ''}
        </Text>
        <Text className='application__meta'>{a.roundTitle}</Text>
        <Text className='application__status'>{statusText[a.status]}</Text>
        <WindowLine window={a.window} now={serverNow()} />
      </View>
      {a.missing.length > 0 ? (
        <View className='application__card'>
          <Text className='application__heading'>申报前还要确认</Text>
          {a.missing.map((m) => (
            <Text key={m} className='application__line'>
              · {m}
            </Text>
          ))}
        </View>
      ) : null}
      <View className='application__card'>
        <Text className='application__heading'>要准备的材料（{a.materials.length} 项）</Text>
        <Text className='application__next'>按通知的要求逐项准备；上传照片、遮挡和提交的功能正在开发，请先按通知在申报平台办理。</Text>
        <MaterialsList materials={a.materials} maskEverywhere={maskEverywhere} onClause={setClause} />
      </View>
      {clause ? <ClauseSheet source={clause} noticeTitle={a.roundTitle} onClose={() => setClause(null)} /> : null}
    </View>
  );
}

export default withSystemFont(ApplicationPage);
