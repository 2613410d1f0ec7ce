import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { ClauseSheet } from '../../components/clause/clause-sheet';
import { MaterialsList } from '../../components/materials-list';
import { ErrorView, LoadingView } from '../../components/status-view';
import { PrivacyPrompt } from '../../components/privacy-prompt';
import { withSystemFont } from '../../components/system-font';
import type { ApplicationView } from '../../core/contracts/api';
import { errorKind, type AppError } from '../../core/errors';
import type { Source } from '../../core/round/round.schema';
import { SubmitPanel } from '../../features/application/submit-panel';
import { TextField } from '../../features/application/text-field';
import { UploadCategory, type PendingPhoto } from '../../features/application/upload-category';
import { WindowLine } from '../../features/application/window-line';
import { call } from '../../services/api/client';
import { useCall } from '../../services/api/use-call';
import { attachPhoto } from '../../services/photos/attach-photo';
import { pickPhotos } from '../../services/photos/photos';
import { serverNow } from '../../services/server-time';
import '../../features/application/application.scss';

const statusText = { draft: '准备材料中（还没有提交）', submitted: '已提交，等待单位审核' } as const;
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
  const [savingText, setSavingText] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const requestId = useRef<string | null>(null);

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

  async function saveText(category: string, text: string) {
    if (savingText) return;
    setSavingText(category);
    const result = await call('applications', 'saveText', { applicationId: id, category, text });
    setSavingText(null);
    if (result.ok) apply(result.value);
    else setProblem(result.error);
  }

  async function submit() {
    if (submitting) return;
    setSubmitting(true);
    setProblem(null);
    // One id per tap: a retry of this tap (a dropped reply) is the same submission, never a second.
    requestId.current ??= `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    const result = await call('applications', 'submit', { applicationId: id, requestId: requestId.current });
    setSubmitting(false);
    if (result.ok) {
      requestId.current = null;
      apply(result.value);
    } else if (errorKind(result.error.code) !== 'network') {
      requestId.current = null;
      setProblem(result.error);
    } else setProblem(result.error);
  }

  async function noMask(sha256: string) {
    const result = await call('applications', 'mask', { applicationId: id, sha256, needsMasking: 'no', masks: [] });
    if (result.ok) apply(result.value);
    else setProblem(result.error);
  }

  const uploads = a.materials.filter((m) => m.stage === 'online' && m.form === 'upload');
  const fields = a.materials.filter((m) => m.stage === 'online' && m.form === 'field');
  const required = uploads.filter((m) => m.need === 'required');
  const requiredDone = required.filter((m) => a.files.some((f) => f.category === m.code)).length;
  const paper = a.materials.filter((m) => m.stage === 'paper');
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
        <Text className='application__line'>
          必传材料已上传 {requiredDone} / {required.length} 项
          {a.status === 'draft' ? (a.problems.length > 0 ? `，提交前还有 ${a.problems.length} 处要处理（见页面下方）` : '，可以提交') : ''}
        </Text>
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
          busy={busyCategory !== null || !personId || a.status !== 'draft'}
          onAdd={() => void add(item.code)}
          onNoMask={(sha) => void noMask(sha)}
          onClause={setClause}
        />
      ))}
      {fields.length > 0 ? <Text className='application__section'>网上填写（{fields.length} 项）</Text> : null}
      {fields.map((item) => (
        <TextField key={item.code} item={item} value={a.texts[item.code] ?? ''} saving={savingText === item.code} onSave={(text) => void saveText(item.code, text)} />
      ))}
      <SubmitPanel application={a} submitting={submitting} onFix={(category, text) => void saveText(category, text)} onSubmit={() => void submit()} />
      {paper.length > 0 ? (
        <View className='application__card'>
          <Text className='application__heading'>纸质材料（通过形式审核后报送，{paper.length} 项）</Text>
          <MaterialsList materials={paper} maskEverywhere={[]} onClause={setClause} />
        </View>
      ) : null}
      {clause ? <ClauseSheet source={clause} noticeTitle={a.roundTitle} onClose={() => setClause(null)} /> : null}
      <PrivacyPrompt />
    </View>
  );
}

export default withSystemFont(ApplicationPage);
