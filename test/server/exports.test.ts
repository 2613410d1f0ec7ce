import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import type { Caller } from '../../src/server/dispatch';
import { dispatch } from '../../src/server/dispatch';
import type { Deps } from '../../src/server/function';
import { functions } from '../../src/server/functions';
import { findAll } from '../../src/server/paging';
import { openHarness, type Harness } from './harness';

/**
 * Exports over the real local adapters: the roster of aksu-forestry-2024 (bazhou-ecoenv-2024 附件5's columns)
 * read back cell by cell, and the round's documents filled from config/templates/*.docx.
 */
const secretary: Caller = { openid: 'demo-openid-secretary' };
const forestryAdmin: Caller = { openid: 'demo-openid-forestry-admin' };
const tuerhong: Caller = { openid: 'demo-openid-forestry-1' };
const mina: Caller = { openid: 'demo-openid-forestry-2' };
const APP = (n: number) => `person-forestry-${n}:aksu-forestry-2024:directed_evaluation:deputy_senior`;

interface ExportFile {
  name: string;
  url: string;
  fileType: string;
  rows: number | null;
}

describe('exports', () => {
  let harness: Harness;
  let deps: Deps;
  const call = (caller: Caller, fn: string, action: string, payload: unknown) => dispatch(functions, fn, { action, payload }, caller, deps);
  /** The stored bytes behind a local file URL (`/files/<ref>?…`). */
  const bytesOf = async (url: string) => Buffer.from((await harness.files.get(decodeURIComponent(/\/files\/([^?]+)/.exec(url)![1]!)))!);
  const exported = async (caller: Caller, fn: string, action: string, payload: unknown) => {
    const outcome = await call(caller, fn, action, payload);
    expect(outcome.reply).toMatchObject({ ok: true });
    const file = (outcome.reply as { data: ExportFile }).data;
    return { file, bytes: await bytesOf(file.url) };
  };
  /** The words of a .docx, tags and all, as Word shows them. */
  const textOf = (bytes: Buffer) =>
    new PizZip(bytes)
      .file('word/document.xml')!
      .asText()
      .replace(/<w:p[ >][^]*?<\/w:p>/g, (p) => `${p.replace(/<[^>]+>/g, '')}\n`)
      .replace(/<[^>]+>/g, '');

  beforeAll(async () => {
    harness = await openHarness('exports', new Date('2024-10-10T02:00:00Z'));
    deps = harness.deps;
    // 米娜瓦尔 has passed; 阿不都热合曼 has not.
    for (const [n, status] of [[2, 'passed'], [4, 'failed']] as const) {
      const doc = await harness.store.get('applications', APP(n));
      await harness.store.update('applications', APP(n), doc!._rev, { status });
    }
  });
  afterAll(() => harness.close());

  it('exports the round’s roster with bazhou-ecoenv-2024 附件5’s columns, read back cell by cell', async () => {
    // 吐尔洪 gave his 族别 and 政治面貌; a value off the list is refused.
    expect((await call(tuerhong, 'applications', 'saveBasics', { applicationId: APP(1), basics: { ethnicity: '火星族', politicalStatus: null } })).reply).toMatchObject({ ok: false, code: 'REQUEST.INVALID_PAYLOAD' });
    expect((await call(tuerhong, 'applications', 'saveBasics', { applicationId: APP(1), basics: { ethnicity: '维吾尔族', politicalStatus: '中共党员' } })).reply).toMatchObject({ ok: true, data: { basics: { ethnicity: '维吾尔族', politicalStatus: '中共党员' } } });
    const { file, bytes } = await exported(secretary, 'documents', 'roster', { roundId: 'aksu-forestry-2024' });
    expect(file).toMatchObject({ fileType: 'xlsx', rows: 4 });
    expect(file.name).toBe('申报人员花名册（关于开展阿克苏地区林业和草原专业2024年度职称评审及民营企业专项评审工作的通知）.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = book.getWorksheet('申报人员花名册')!;
    const cells = (row: number) => Array.from({ length: 14 }, (_, i) => String(sheet.getRow(row).getCell(i + 1).value ?? ''));
    expect(cells(1)[0]).toBe('关于开展阿克苏地区林业和草原专业2024年度职称评审及民营企业专项评审工作的通知申报人员花名册');
    expect(cells(2)).toEqual(['序号', '姓名', '性别', '族别', '政治面貌', '身份证号码', '现任专业技术职务', '获现任专业技术职务时间', '拟晋升专业技术职务', '申报专业', '申报渠道', '工作单位', '是否通过', '备注（初定/授予/评审）']);
    expect([3, 4, 5, 6].map(cells)).toEqual([
      ['1', '吐尔洪', '男', '维吾尔族', '中共党员', '652901198003121030', '中级', '2016-12', '副高级', '林业和草原专业', '定向评价', '阿克苏地区林业技术推广中心', '', '评审'],
      ['2', '米娜瓦尔', '女', '', '', '652901198507212040', '中级', '2017-12', '副高级', '林业和草原专业', '定向评价', '阿克苏地区林业技术推广中心', '是', '评审'],
      ['3', '周建国', '男', '', '', '652901197811053051', '中级', '2015-12', '副高级', '林业和草原专业', '定向评价', '阿克苏地区林业技术推广中心', '', '评审'],
      ['4', '阿不都热合曼', '男', '', '', '652901199002154070', '中级', '2018-12', '副高级', '林业和草原专业', '定向评价', '阿克苏地区林业技术推广中心', '否', '评审'],
    ]);
    // An ID number stays text: never 6.529E+17.
    expect(typeof sheet.getRow(3).getCell(6).value).toBe('string');
    expect(sheet.rowCount).toBe(6);
  });

  it('gives a unit admin the roster of their own unit only, and refuses a round the secretary does not serve', async () => {
    const { file } = await exported(forestryAdmin, 'documents', 'roster', { roundId: 'aksu-forestry-2024' });
    expect(file).toMatchObject({ rows: 4, name: '申报人员花名册（阿克苏地区林业技术推广中心）.xlsx' });
    expect((await exported({ openid: 'demo-openid-unit-admin' }, 'documents', 'roster', { roundId: 'aksu-forestry-2024' })).file.rows).toBe(0);
    expect((await call(secretary, 'documents', 'roster', { roundId: 'bazhou-ecoenv-2024' })).reply).toMatchObject({ ok: false, code: 'ROUND.NOT_FOUND' });
  });

  it('fills the applicant’s own documents from the Word templates: every field in, no tag left', async () => {
    const { file, bytes } = await exported(tuerhong, 'documents', 'document', { applicationId: APP(1), template: 'personal_commitment' });
    expect(file).toMatchObject({ name: '个人承诺书（吐尔洪）.docx', fileType: 'docx' });
    const text = textOf(bytes);
    expect(text).toContain('本人承诺以上填报的内容和提交的材料完全真实有效');
    expect(text).toContain('申报项目：工程系列林业和草原专业副高级');
    expect(text).toContain('承诺人：吐尔洪（手写签名）');
    expect(text).toContain('身份证号：652901198003121030');
    expect(text).not.toMatch(/[{}]/);
    const form = textOf((await exported(tuerhong, 'documents', 'document', { applicationId: APP(1), template: 'ce_exemption_form' })).bytes);
    for (const value of ['吐尔洪', '男', '1980年3月', '本科', '2008年7月', '阿克苏地区林业技术推广中心', '中级', '副高级']) expect(form).toContain(value);
    expect(form).not.toMatch(/[{}]/);
  });

  it('fills the unit’s documents for its admin, with the publicity the unit recorded', async () => {
    const publicity = textOf((await exported(forestryAdmin, 'documents', 'document', { applicationId: APP(1), template: 'unit_publicity' })).bytes);
    expect(publicity).toContain('现对吐尔洪同志申报工程系列林业和草原专业副高级专业技术任职资格进行公示。');
    expect(publicity).toContain('公示时间从2024年8月5日起至2024年8月9日止');
    expect(publicity).toContain('身份证号：652901198003121030');
    expect(publicity).toContain('吐尔洪，男，维吾尔族，政治面貌：中共党员');
    expect(publicity).not.toMatch(/[{}]/);
    const opinion = textOf((await exported(forestryAdmin, 'documents', 'document', { applicationId: APP(1), template: 'unit_recommendation' })).bytes);
    expect(opinion).toContain('吐尔洪同志，男，1980年3月出生');
    expect(opinion).not.toMatch(/[{}]/);
  });

  it('refuses another’s application, a document of the other side, and one the round does not list', async () => {
    expect((await call(mina, 'documents', 'document', { applicationId: APP(1), template: 'personal_commitment' })).reply).toMatchObject({ ok: false, code: 'APPLICATION.NOT_FOUND' });
    expect((await call(tuerhong, 'documents', 'document', { applicationId: APP(1), template: 'unit_publicity' })).reply).toMatchObject({ ok: false, code: 'REQUEST.INVALID_PAYLOAD' });
    // aksu-forestry lists no 真实性保证书 (aksu-water does).
    expect((await call(tuerhong, 'documents', 'document', { applicationId: APP(1), template: 'authenticity_guarantee' })).reply).toMatchObject({ ok: false, code: 'REQUEST.INVALID_PAYLOAD' });
    expect((await call({ openid: 'demo-openid-aksu-admin' }, 'documents', 'document', { applicationId: APP(1), template: 'unit_publicity' })).reply).toMatchObject({ ok: false, code: 'APPLICATION.NOT_FOUND' });
  });

  it('reads past the cloud database’s 1,000 documents a call, page by page', async () => {
    const writes = Array.from({ length: 1203 }, (_, i) => ({ kind: 'insert' as const, collection: 'inbox', doc: { _id: `n-${String(i).padStart(5, '0')}`, personId: 'p', at: '2024-10-10T02:00:00Z' } }));
    expect(await harness.store.commit(writes)).toEqual({ ok: true, value: undefined });
    const all = await findAll(harness.store, 'inbox', { where: [{ field: 'personId', op: 'eq', value: 'p' }] });
    expect(all).toHaveLength(1203);
    expect(new Set(all.map((d) => d._id)).size).toBe(1203);
    const paged = await findAll(harness.store, 'inbox', { where: [{ field: 'personId', op: 'eq', value: 'p' }], orderBy: [{ field: 'at', direction: 'asc' }] }, 100);
    expect(paged.map((d) => d._id)).toEqual(all.map((d) => d._id));
  });
});
