import { Text, View } from '@tarojs/components';
import { previewImages, toast } from '../../services/ui/dialogs';
import { openDocument } from '../../services/platform/open-document';
import { ENTRY_FORMS, entryTitle, isListRecord } from '../../core/application/entry-forms';
import type { ApplicationView } from '../../core/contracts/api';
import type { DeclaredFact } from '../../core/review/declared-facts';
import { ActionButton } from '../../components/action-button';
import { call } from '../../services/api/client';
import { FileThumb } from '../../components/file-thumb';
import './review.scss';

/** Opens a file full screen, zoomable (the phone's own image viewer), from a short-lived URL. */
async function view(applicationId: string, sha256: string, pdf: boolean): Promise<void> {
  const url = await call('applications', 'fileUrl', { applicationId, sha256, copy: 'original' });
  if (!url.ok) return toast(url.error.message);
  if (pdf) {
    const failed = await openDocument({ url: url.value.url, fileType: 'pdf' });
    if (failed) toast(failed);
    return;
  }
  previewImages([url.value.url], url.value.url);
}

/**
 * What the applicant sent, category by category, as the reviewer checks it: what the applicant
 * declared that it proves, the original photos (tap to open full screen and zoom), what is typed
 * in, each entry in one line; after a return, what the applicant did about each returned item.
 * Where the reviewer may return, each material can be named as the reason (退回此项).
 */
export function ReviewMaterials({ application, facts, onReturnItem }: { application: ApplicationView; facts: readonly DeclaredFact[]; onReturnItem: ((code: string) => void) | null }) {
  // The unit's own papers are shown apart (UnitDocuments), where the unit uploads them.
  const online = application.materials.filter((m) => m.stage === 'online' && m.providedBy !== 'unit');
  return (
    <View className='review__card'>
      <Text className='review__heading'>申报材料（点图片可放大查看）</Text>
      {online.map((item) => {
        const files = application.files.filter((f) => f.category === item.code);
        const text = application.texts[item.code];
        const entries = application.entries[item.code] ?? [];
        const proves = facts.filter((f) => f.materials.includes(item.code));
        const declared = proves.map((f) => (
          <Text key={f.label} className='review__declared'>
            申报填写 · {f.label}：{f.value}
          </Text>
        ));
        const returnThis = onReturnItem ? (
          <ActionButton tone='plain' className='review__return-item' onTap={() => onReturnItem(item.code)}>
            退回此项
          </ActionButton>
        ) : null;
        if (files.length === 0 && !text && entries.length === 0) {
          return item.need === 'required' ? (
            <View key={item.code} className='review__material' id={`material-${item.code}`}>
              <Text className='review__material-name'>{item.name}</Text>
              {declared}
              <Text className='review__missing'>没有提交</Text>
              {returnThis}
            </View>
          ) : null;
        }
        return (
          <View key={item.code} className='review__material' id={`material-${item.code}`}>
            <Text className='review__material-name'>{item.name}</Text>
            {declared}
            {application.returnAnswers
              .filter((r) => r.category === item.code)
              .map((r) => (
                <Text key={r.reason} className='review__answered'>
                  退回后{r.state === 'changed' ? '已修改' : r.state === 'confirmed' ? `未修改，申报人说明：${r.note ?? ''}` : '未修改'}（{r.by}退回：{r.reason}）
                </Text>
              ))}
            {text ? <Text className='review__text'>{text}</Text> : null}
            {isListRecord(item.record) ? entries.map((e, i) => <Text key={i} className='review__text'>{i + 1}. {entryTitle(ENTRY_FORMS[item.record as Exclude<typeof item.record, null | 'essay'>], e)}</Text>) : null}
            {files.length > 0 ? (
              <View className='review__files'>
                {files.map((f, i) => (
                  <View key={f.sha256} className='review__file' role='button' aria-label={`查看${item.name}第${i + 1}张`} onClick={() => void view(application.id, f.sha256, f.contentType === 'application/pdf')}>
                    <FileThumb applicationId={application.id} sha256={f.sha256} pdf={f.contentType === 'application/pdf'} />
                  </View>
                ))}
              </View>
            ) : null}
            {returnThis}
          </View>
        );
      })}
    </View>
  );
}
