import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ExportButton } from '../../components/export-button';
import { FileThumb } from '../../components/file-thumb';
import { ProblemAlert } from '../../components/problem-alert';
import type { ReviewView, UnitDocumentView } from '../../core/contracts/api';
import type { AppError } from '../../core/errors';
import { call } from '../../services/api/client';
import { pickPhotos } from '../../services/photos/photos';
import { uploadPhoto } from '../../services/photos/attach-photo';
import { previewImages, toast } from '../../services/ui/dialogs';
import './review.scss';
import '../../services/api/staff-contracts';

/**
 * 单位出具的材料, in the notice's order (yuli-initial-junior-2024 五(二)): the unit records its
 * publicity, then fills the 公示 from its Word template, prints, signs and stamps it, and uploads the
 * scan; once the publicity is over, the same for 公示结果 and 单位推荐意见. Each paper says what it
 * waits for. Other reviewers see the scans.
 */
export function UnitDocuments({ view, personId, onChanged }: { view: ReviewView; personId: string | null; onChanged: (next: ReviewView) => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [stage, setStage] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ code: string; error: AppError } | null>(null);
  const id = view.application.id;
  if (view.unitDocuments.length === 0) return null;

  async function upload(doc: UnitDocumentView) {
    if (busy || !personId) return;
    const picked = await pickPhotos(1);
    if (!picked.ok) {
      if (!picked.cancelled) setProblem({ code: doc.code, error: { code: 'FILE.BAD_TYPE', message: picked.message } });
      return;
    }
    setBusy(doc.code);
    setProblem(null);
    const fail = (error: AppError) => {
      setBusy(null);
      setStage(null);
      setProblem({ code: doc.code, error });
    };
    const uploaded = await uploadPhoto(personId, picked.photos[0]!, (s) => setStage(s.kind === 'uploading' ? `正在上传 ${Math.round(s.fraction * 100)}%…` : '正在处理照片…'));
    if (!uploaded.ok) return fail(uploaded.error);
    setStage('正在检查照片…');
    // Checked by the function that reads images, then attached by its record of the check.
    const checked = await call('applications', 'checkPhoto', uploaded.value);
    if (!checked.ok) return fail(checked.error);
    setStage('正在保存…');
    const attached = await call('review', 'attachUnitDocument', { applicationId: id, category: doc.code, ...checked.value });
    if (!attached.ok) return fail(attached.error);
    setBusy(null);
    setStage(null);
    onChanged(attached.value);
  }

  async function remove(doc: UnitDocumentView, sha256: string) {
    if (busy) return;
    setBusy(doc.code);
    setProblem(null);
    const answer = await call('review', 'detachUnitDocument', { applicationId: id, category: doc.code, sha256 });
    setBusy(null);
    if (answer.ok) onChanged(answer.value);
    else setProblem({ code: doc.code, error: answer.error });
  }

  async function open(sha256: string) {
    const url = await call('applications', 'fileUrl', { applicationId: id, sha256, copy: 'original' });
    if (url.ok) previewImages([url.value.url], url.value.url);
    else toast(url.error.message);
  }

  return (
    <View className='review__card unit-documents'>
      <Text className='review__heading'>单位出具的材料</Text>
      {view.unitDocuments.some((d) => d.mayUpload || d.waits) ? <Text className='review__note'>按通知的顺序：登记公示后出具公示，公示期满无异议后出具公示结果和推荐意见。每份填好后打印、签字盖章，拍照上传。</Text> : null}
      {view.unitDocuments.map((doc) => (
        <View key={doc.code} className='review__material'>
          <Text className='review__material-name'>
            {doc.name}
            {doc.required ? '（必传）' : ''}
          </Text>
          {doc.waits ? <Text className='review__note'>{doc.waits}</Text> : null}
          {doc.template ? <ExportButton label={`填写${doc.template.attachment}（Word）`} make={() => call('documents', 'document', { applicationId: id, template: doc.template!.code })} /> : null}
          {doc.files.length === 0 && !doc.waits ? <Text className={doc.required ? 'review__missing' : 'review__note'}>还没有上传</Text> : null}
          {doc.files.length > 0 ? (
            <View className='review__files'>
              {doc.files.map((f, i) => (
                <View key={f.sha256} className='unit-documents__file'>
                  <View className='review__file' role='button' aria-label={`查看${doc.name}第${i + 1}张`} onClick={() => void open(f.sha256)}>
                    <FileThumb applicationId={id} sha256={f.sha256} />
                  </View>
                  {doc.mayUpload ? (
                    <ActionButton tone='plain' disabled={busy !== null} onTap={() => void remove(doc, f.sha256)}>
                      {`删除第${i + 1}张`}
                    </ActionButton>
                  ) : null}
                </View>
              ))}
            </View>
          ) : null}
          {doc.mayUpload ? (
            <ActionButton tone='light' disabled={busy !== null} onTap={() => void upload(doc)}>
              {busy === doc.code ? (stage ?? '正在保存…') : doc.files.length > 0 ? '再拍一张' : '拍照上传盖章件'}
            </ActionButton>
          ) : null}
          {problem?.code === doc.code ? <ProblemAlert problem={problem.error} /> : null}
        </View>
      ))}
    </View>
  );
}
