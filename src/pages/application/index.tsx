import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { ClauseSheet } from '../../components/clause/clause-sheet';
import { MaterialsList } from '../../components/materials-list';
import { ErrorView, LoadingView } from '../../components/status-view';
import { withSystemFont } from '../../components/system-font';
import type { ApplicationView } from '../../core/contracts/api';
import type { AppError } from '../../core/errors';
import type { Source } from '../../core/round/round.schema';
import { UploadCategory, type PendingPhoto } from '../../features/application/upload-category';
import { WindowLine } from '../../features/application/window-line';
import { call } from '../../services/api/client';
import { useCall } from '../../services/api/use-call';
import { attachPhoto } from '../../services/photos/attach-photo';
import { pickPhotos } from '../../services/photos/photos';
import { serverNow } from '../../services/server-time';
import '../../features/application/application.scss';

const statusText = { draft: '准备材料中（还没有提交）' } as const;
const MAX_PICK = 9;

/**
 * One application: what it is for, where it stands, the deadline by the server's clock, and each
 * material: uploads with photos from the phone (progress per photo, 是否遮挡 per image), what is
 * typed in and the paper copies, each with its format, what to mask and its clause.
 */
function ApplicationPage() {
  // Taro's H5 router hands the query over still encoded; WeChat decodes it (ids hold no '%').
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const loaded = useCall('applications', 'get', { applicationId: id });
  const me = useCall('account', 'me', {});
  const [view, setView] = useState<ApplicationView | null>(null);
  const [pending, setPending] = useState<readonly PendingPhoto[]>([]);
  const [busyCategory, setBusyCategory] = useState<string | null>(null);
  const [problem, setProblem] = useState<AppError | null>(null);
  const [clause, setClause] = useState<Source | null>(null);

  /**
   * Every answer that changes the application bumps this; a read sent before a change is not
   * applied after it (the photo picker hides and shows the page while a photo is being attached).
   */
  const version = useRef(0);
  const apply = (next: ApplicationView) => {
    version.current += 1;
    setView(next);
  };
  // The first read (and a retry's); `loaded` itself is a new object on every render.
  const first = loaded.status === 'ready' ? loaded.data : null;
  useEffect(() => {
    if (first) apply(first);
  }, [first]);
  // Back from the mask editor: read the masks it saved.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) {
      const asked = version.current;
      void call('applications', 'get', { applicationId: id }).then((r) => {
        if (r.ok && version.current === asked) apply(r.value);
      });
    }
    shown.current = true;
  });

  if (loaded.status === 'loading' || (loaded.status === 'ready' && !view)) return <LoadingView label='正在读取申报…' />;
  if (loaded.status === 'error') return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  const a = view!;
  const personId = me.status === 'ready' ? me.data.personId : null;

  async function add(category: string) {
    if (busyCategory || !personId) return;
    setBusyCategory(category);
    setProblem(null);
    const picked = await pickPhotos(MAX_PICK);
    if (!picked.ok) {
      setBusyCategory(null);
      if (!picked.cancelled) setProblem({ code: 'FILE.NOT_FOUND', message: picked.message });
      return;
    }
    // One at a time: each shows its own progress; a failure is said beside that photo only.
    for (const [index, photo] of picked.photos.entries()) {
      const key = `${category}-${Date.now()}-${index}`;
      const label = `新照片 ${index + 1}/${picked.photos.length}`;
      const update = (patch: Partial<PendingPhoto>) => setPending((list) => list.map((p) => (p.key === key ? { ...p, ...patch } : p)));
      setPending((list) => [...list, { key, category, label, fraction: null, error: null }]);
      const result = await attachPhoto({ applicationId: id, category, personId }, photo, (stage) =>
        update({ fraction: stage.kind === 'preparing' ? null : stage.kind === 'uploading' ? stage.fraction : 1 }),
      );
      if (result.ok) {
        apply(result.value);
        setPending((list) => list.filter((p) => p.key !== key));
      } else {
        update({ error: `${result.error.message}${result.error.details?.length ? ` ${result.error.details.join('；')}` : ''}` });
      }
    }
    setBusyCategory(null);
  }

  async function noMask(sha256: string) {
    const result = await call('applications', 'mask', { applicationId: id, sha256, needsMasking: 'no', masks: [] });
    if (result.ok) apply(result.value);
    else setProblem(result.error);
  }

  const uploads = a.materials.filter((m) => m.stage === 'online' && m.form === 'upload');
  const others = a.materials.filter((m) => !(m.stage === 'online' && m.form === 'upload'));
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
      {problem ? (
        <View className='application__card application__card--problem' role='alert'>
          <Text className='application__line'>{problem.message}</Text>
        </View>
      ) : null}

      <Text className='application__section'>网上上传（{uploads.length} 项）</Text>
      {uploads.map((item) => (
        <UploadCategory
          key={item.code}
          applicationId={id}
          item={item}
          files={a.files.filter((f) => f.category === item.code)}
          pending={pending.filter((p) => p.category === item.code)}
          busy={busyCategory !== null || !personId}
          onAdd={() => void add(item.code)}
          onNoMask={(sha) => void noMask(sha)}
          onClause={setClause}
        />
      ))}
      {others.length > 0 ? (
        <View className='application__card'>
          <Text className='application__heading'>网上填写和纸质材料（{others.length} 项）</Text>
          <Text className='application__next'>网上填写的内容和提交功能正在开发，请先按通知准备。</Text>
          <MaterialsList materials={others} maskEverywhere={[]} onClause={setClause} />
        </View>
      ) : null}
      {clause ? <ClauseSheet source={clause} noticeTitle={a.roundTitle} onClose={() => setClause(null)} /> : null}
    </View>
  );
}

export default withSystemFont(ApplicationPage);
