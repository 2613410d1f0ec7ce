import { Text, View } from '@tarojs/components';
import { scrollToElement } from '../../../services/page/element';
import { useRouter } from '../../../services/page/lifecycle';
import { confirm } from '../../../services/ui/dialogs';
import { useEffect, useRef, useState } from 'react';
import { ClauseSheet } from '../../../components/clause/clause-sheet';
import { MaterialsList } from '../../../components/materials-list';
import { ErrorView, LoadingView } from '../../../components/status-view';
import { PrivacyPrompt } from '../../../components/privacy-prompt';
import { withSystemFont } from '../../../components/system-font';
import { isListRecord, type Entry } from '../../../core/application/entry-forms';
import type { ApplicationView } from '../../../core/contracts/api';
import { beijingDate } from '../../../core/time/beijing';
import { errorKind, type AppError } from '../../../core/errors';
import type { Source } from '../../../core/round/round.schema';
import { EntryList } from '../../../features/application/entry-list';
import { IdNumberField } from '../../../features/application/id-number-field';
import { ExportButton } from '../../../components/export-button';
import { BasicsForm } from '../../../features/application/basics-form';
import type { Basics } from '../../../core/people/basics';
import { NextSteps } from '../../../features/application/next-steps';
import { SubmitPanel } from '../../../features/application/submit-panel';
import { ConflictsForm } from '../../../features/application/conflicts-form';
import { RecheckCard } from '../../../features/application/recheck-card';
import { Reminders } from '../../../features/subscriptions/reminders';
import { Timeline } from '../../../features/application/timeline';
import { TextField } from '../../../features/application/text-field';
import { ChoiceField } from '../../../features/application/choice-field';
import { UploadCategory, type PendingPhoto } from '../../../features/application/upload-category';
import { ApplicationHeader } from '../../../features/application/application-header';
import { useBlindChecks } from '../../../features/application/use-blind-checks';
import { ReturnMark } from '../../../features/application/return-mark';
import { FormSectionView } from '../../../features/application/form-section';
import { Fold } from '../../../components/fold';
import { formSections, sectionsOpenAtFirst, type SectionId } from '../../../core/application/form-sections';
import { IDENTITY_CATEGORY } from '../../../core/application/completeness';
import type { ChecklistItem } from '../../../core/eligibility/assessment';
import { isEditable } from '../../../core/application/editable';
import { call } from '../../../services/api/client';
import { useCall } from '../../../services/api/use-call';
import { attachPhoto } from '../../../services/photos/attach-photo';
import { pickPdfs, pickPhotos } from '../../../services/photos/photos';
import { serverNow } from '../../../services/server-time';
import '../../../features/application/application.scss';
import '../../../features/application/apply-only.scss';
import { newRequestId } from '../../../services/api/request-id';
import { useShownAgain } from '../../../services/page/shown-again';
import '../../../services/api/staff-contracts';

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
  /** The category (or `identity`) being saved: one save at a time. */
  const [savingText, setSavingText] = useState<string | null>(null);
  const [idError, setIdError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  /** The form's sections shown open; null until the application is read (then the first to do, and any returned). */
  const [openSections, setOpenSections] = useState<SectionId[] | null>(null);
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
  useEffect(() => {
    if (!view || openSections) return;
    const returned = view.returnItems.filter((i) => i.state === 'open').map((i) => i.category);
    setOpenSections(sectionsOpenAtFirst(formSections(view.materials, view.problems), returned));
  }, [view, openSections]);
  const checks = useBlindChecks(id, view, version, apply);
  // Back from the mask editor: read the masks it saved.
  useShownAgain(() => {
    const asked = version.current;
    void call('applications', 'get', { applicationId: id }).then((r) => {
      if (r.ok && version.current === asked) apply(r.value);
    });
  });

  if (loaded.status === 'loading' || (loaded.status === 'ready' && !view)) return <LoadingView label='正在读取申报…' />;
  if (loaded.status === 'error') return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  const a = view!;
  const personId = me.status === 'ready' ? me.data.personId : null;

  async function add(category: string, kind: 'image' | 'pdf') {
    if (busyCategory || !personId) return;
    setBusyCategory(category);
    setProblem(null);
    const picked = kind === 'pdf' ? await pickPdfs(MAX_PICK) : await pickPhotos(MAX_PICK);
    if (!picked.ok) {
      setBusyCategory(null);
      if (!picked.cancelled) setProblem({ code: 'FILE.NOT_FOUND', message: picked.message });
      return;
    }
    // One at a time: each shows its own progress; a failure is said beside that photo only.
    for (const [index, photo] of picked.photos.entries()) {
      const key = `${category}-${Date.now()}-${index}`;
      const label = `${kind === 'pdf' ? '新文件' : '新照片'} ${index + 1}/${picked.photos.length}`;
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

  /** One change saved at a time; the reply is the application as it now is. */
  async function save(what: string, send: () => ReturnType<typeof call<'applications', 'saveText'>>): Promise<boolean> {
    if (savingText) return false;
    setSavingText(what);
    setProblem(null);
    const result = await send();
    setSavingText(null);
    if (result.ok) apply(result.value);
    else setProblem(result.error);
    return result.ok;
  }
  const saveText = (category: string, text: string) => save(category, () => call('applications', 'saveText', { applicationId: id, category, text }));
  const saveEntries = (category: string, entries: readonly Entry[]) => save(category, () => call('applications', 'saveEntries', { applicationId: id, category, entries: [...entries] }));
  const fix = (path: string) => save(path, () => call('applications', 'fix', { applicationId: id, path }));
  const declare = (rule: string) => save(rule, () => call('applications', 'declare', { applicationId: id, rule, agreed: true }));
  const saveBasics = (basics: Basics) => save('basics', () => call('applications', 'saveBasics', { applicationId: id, basics }));
  async function saveIdNumber(idNumber: string): Promise<boolean> {
    if (savingText) return false;
    setSavingText('identity');
    setIdError(null);
    const result = await call('applications', 'saveIdNumber', { applicationId: id, idNumber });
    setSavingText(null);
    if (result.ok) apply(result.value);
    else setIdError(result.error.message);
    return result.ok;
  }

  async function submit() {
    if (submitting) return;
    setSubmitting(true);
    setProblem(null);
    // One id per tap: a retry of this tap (a dropped reply) is the same submission, never a second.
    requestId.current ??= newRequestId();
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

  const returnedOf = (category: string) => a.returnItems.filter((i) => i.category === category);
  const answered = a.returnItems.filter((i) => i.state !== 'open').length;
  const confirmReturned = (category: string, note: string) => save(`return.${category}`, () => call('applications', 'confirmReturned', { applicationId: id, category, note }));
  const returnMark = (category: string) =>
    returnedOf(category).length > 0 ? <ReturnMark items={returnedOf(category)} saving={savingText === `return.${category}`} onConfirm={(note) => confirmReturned(category, note)} /> : null;

  /** 删除: after a confirmation, the photo leaves this material (its masks and blind copy with it). */
  async function remove(category: string, sha256: string) {
    if (savingText) return;
    const confirmed = await confirm({ title: '删除这个文件？', content: '删除后可以重新拍照或选择上传。', confirmText: '删除', cancelText: '不删' });
    if (!confirmed) return;
    await save(`remove.${sha256}`, () => call('applications', 'detach', { applicationId: id, sha256, category }));
  }

  async function noMask(sha256: string) {
    const result = await call('applications', 'mask', { applicationId: id, sha256, needsMasking: 'no', masks: [] });
    if (result.ok) apply(result.value);
    else setProblem(result.error);
  }

  const nowMonth = beijingDate(serverNow()).slice(0, 7);
  const editable = isEditable(a.status);
  const entriesOf = (item: ChecklistItem, embedded: boolean) =>
    isListRecord(item.record) ? (
      <EntryList
        item={item}
        record={item.record}
        entries={a.entries[item.code] ?? []}
        problems={a.problems}
        nowMonth={nowMonth}
        saving={savingText !== null}
        editable={editable}
        embedded={embedded}
        onSave={(entries) => saveEntries(item.code, entries)}
        onClause={setClause}
      />
    ) : null;
  const sections = formSections(a.materials, a.problems);
  const required = sections.reduce((n, s) => n + s.required, 0);
  const done = sections.reduce((n, s) => n + s.done, 0);
  const blocking = a.problems.filter((p) => p.severity === 'block').length;
  const paper = a.materials.filter((m) => m.stage === 'paper');
  const shown = openSections ?? [];
  const toggle = (section: SectionId) => setOpenSections(shown.includes(section) ? shown.filter((s) => s !== section) : [...shown, section]);
  /** From the check before submitting: unfold the material's section and bring it on screen. */
  function go(category: string) {
    const section = sections.find((s) => s.codes.includes(category));
    if (section && !shown.includes(section.id)) setOpenSections([...shown, section.id]);
    const selector = section ? `#item-${category}` : '#application-return';
    setTimeout(() => scrollToElement(selector), 50);
  }
  const documentsOf = (code: string) => a.documents.filter((d) => d.materials.includes(code));
  const looseDocuments = a.documents.filter((d) => d.materials.length === 0);

  /** One material as the form asks for it: chosen, typed, entries, or files (with its documents to sign). */
  function material(code: string) {
    if (code === IDENTITY_CATEGORY) {
      return (
        <View key={code} id={`item-${code}`} className='application__item'>
          <IdNumberField shown={a.idNumberShown} saving={savingText === 'identity'} editable={editable} error={idError} onSave={saveIdNumber} />
          {a.status !== 'withdrawn' ? <BasicsForm basics={a.basics} saving={savingText === 'basics'} onSave={(b) => void saveBasics(b)} /> : null}
        </View>
      );
    }
    const item = a.materials.find((m) => m.code === code)!;
    // The unit's papers: the unit uploads them after its publicity; the applicant sees where they stand.
    if (item.providedBy === 'unit') {
      const count = a.files.filter((f) => f.category === code).length;
      return (
        <View key={code} id={`item-${code}`} className='application__item upload'>
          <Text className='upload__name'>{item.name}</Text>
          <Text className='upload__note'>{count > 0 ? `单位已上传 ${count} 张。` : '由单位在内部公示后出具、盖章并上传，您不用上传。'}</Text>
        </View>
      );
    }
    const documents = documentsOf(code);
    return (
      <View key={code} id={`item-${code}`} className='application__item'>
        {returnMark(code)}
        {item.form === 'field' ? (
          isListRecord(item.record) ? (
            entriesOf(item, false)
          ) : item.choices ? (
            <ChoiceField item={item} value={a.texts[item.code] ?? ''} saving={savingText === item.code} editable={editable} onChoose={(option) => void saveText(item.code, option)} />
          ) : (
            <TextField item={item} value={a.texts[item.code] ?? ''} saving={savingText === item.code} onSave={(text) => void saveText(item.code, text)} />
          )
        ) : (
          <UploadCategory
            applicationId={id}
            item={item}
            files={a.files.filter((f) => f.category === item.code)}
            pending={pending.filter((p) => p.category === item.code)}
            busy={busyCategory !== null || !personId}
            editable={editable}
            checkFailed={checks.gaveUp}
            typed={entriesOf(item, true)}
            documents={
              editable && documents.length > 0 ? (
                <View className='upload__documents'>
                  <Text className='upload__note'>已按您的申报填好，打印后签字（按手印），拍照上传到这里：</Text>
                  {documents.map((d) => (
                    <ExportButton key={d.code} label={`${d.attachment} ${d.name}`} make={() => call('documents', 'document', { applicationId: a.id, template: d.code })} />
                  ))}
                </View>
              ) : null
            }
            onAdd={(kind) => void add(item.code, kind)}
            onNoMask={(sha) => void noMask(sha)}
            onRemove={(sha) => void remove(item.code, sha)}
            onClause={setClause}
          />
        )}
        {item.record === 'essay' ? (
          <TextField item={item} title={`${item.name}（正文）`} value={a.texts[item.code] ?? ''} saving={savingText === item.code} onSave={(text) => void saveText(item.code, text)} />
        ) : null}
      </View>
    );
  }

  return (
    <View className='application'>
      <ApplicationHeader application={a} done={done} required={required} blocking={blocking} now={serverNow()} />
      {a.status !== 'draft' && a.status !== 'returned' ? <NextSteps application={a} /> : null}
      <RecheckCard
        recheck={a.recheck}
        mayRequest={a.mayRequestRecheck}
        onRequest={async (reason) => {
          const result = await call('committee', 'requestRecheck', { applicationId: id, reason });
          if (result.ok) apply(result.value);
          return result;
        }}
      />
      {a.status === 'returned' ? (
        <View className='application__card application__card--problem' role='alert' id='application-return'>
          <Text className='application__heading'>
            申报被退回：{answered} / {a.returnItems.length} 项已处理
          </Text>
          {a.returnReasons.map((r) => (
            <Text key={r} className='application__line'>
              · {r}
            </Text>
          ))}
          <Text className='application__note'>每项退回的材料在下面标出：修改它，或点“已按意见处理”说明为什么不用改。都处理了才能重新提交；逾期未重新提交视为放弃申报。</Text>
          {returnMark('identity')}
          {returnMark('general')}
        </View>
      ) : null}
      <Timeline application={a} />
      {a.missing.length > 0 ? (
        <Fold title={`申报前还要向单位或人社部门核实（${a.missing.length} 项）`} hint='本通知没有写明的条件：请对照评审条件，或问单位人事、人社部门；不影响现在准备材料'>
          {a.missing.map((m) => (
            <Text key={m} className='application__line'>
              · {m}
            </Text>
          ))}
        </Fold>
      ) : null}
      {problem ? (
        <View className='application__card application__card--problem' role='alert'>
          <Text className='application__line'>{problem.message}</Text>
        </View>
      ) : null}

      {sections.map((section) => (
        <FormSectionView key={section.id} section={section} open={shown.includes(section.id)} onToggle={() => toggle(section.id)}>
          {section.id === 'unit' ? <Text className='application__section'>这些由单位在内部公示后出具、签字盖章，由单位上传，您不用上传。</Text> : null}
          {section.id === 'statements' && editable && looseDocuments.length > 0 ? (
            <View className='application__card application__documents'>
              <Text className='application__heading'>要签字的文书</Text>
              <Text className='application__note'>已按您的申报填好，打印后签字（按手印），拍照上传到对应的材料里。</Text>
              {looseDocuments.map((d) => (
                <ExportButton key={d.code} label={`${d.attachment} ${d.name}`} make={() => call('documents', 'document', { applicationId: a.id, template: d.code })} />
              ))}
            </View>
          ) : null}
          {section.codes.map(material)}
        </FormSectionView>
      ))}
      <ConflictsForm
        conflicts={a.conflicts}
        editable={editable}
        onSave={async (conflicts) => {
          const result = await call('applications', 'declareConflicts', { applicationId: id, conflicts });
          if (result.ok) apply(result.value);
          return result;
        }}
      />
      <SubmitPanel application={a} sections={sections} submitting={submitting} onGo={go} onFix={(path) => void fix(path)} onDeclare={(rule) => void declare(rule)} onSubmit={() => void submit()} reminders={<Reminders group='review' />} />
      {paper.length > 0 ? (
        <Fold title={`纸质材料（通过形式审核后报送，${paper.length} 项）`} hint='现在不用准备上传，审核通过后按这里报送'>
          <MaterialsList materials={paper} maskEverywhere={[]} onClause={setClause} />
        </Fold>
      ) : null}
      {clause ? <ClauseSheet source={clause} noticeTitle={a.roundTitle} onClose={() => setClause(null)} /> : null}
      <PrivacyPrompt />
    </View>
  );
}

export default withSystemFont(ApplicationPage);
