import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Docxtemplater from 'docxtemplater';
import InspectModule from 'docxtemplater/js/inspect-module.js';
import PizZip from 'pizzip';
import { documentFields } from '../../src/core/exports/document-fields';
import { documentsFor } from '../../src/core/exports/documents';
import { fillDocx } from '../../src/server/exports/docx';
import { allParsedRounds, round } from '../core/eligibility/rounds.fixture';
import type { ApplicationRecord } from '../../src/core/application/application.schema';
import type { MeetingRecord } from '../../src/core/evaluation/meeting';
import { meetingRecordFields } from '../../src/core/exports/meeting-record';

/**
 * Every Word template in config/templates: the tags it holds are fields the product fills, and a
 * filled copy holds each field's value and no tag.
 */
const DIR = path.resolve(__dirname, '../../config/templates');
/** The meeting record is the committee's, not an application's: tested on its own below. */
const MEETING_RECORD = 'meeting_record.docx';
const templates = readdirSync(DIR).filter((f) => f.endsWith('.docx') && f !== MEETING_RECORD);

const tagsOf = (bytes: Buffer): string[] => {
  const inspect = new InspectModule();
  new Docxtemplater(new PizZip(bytes), { modules: [inspect], paragraphLoop: true, linebreaks: true });
  return Object.keys(inspect.getAllTags());
};
const textOf = (bytes: Uint8Array) => new PizZip(bytes).file('word/document.xml')!.asText().replace(/<[^>]+>/g, '');

const water = round('aksu-water-2024');
const record = {
  personId: 'p',
  roundId: water.id,
  year: 2024,
  offerKey: 'directed_evaluation:deputy_senior',
  offerId: 'directed_evaluation',
  level: 'deputy_senior',
  way: 'evaluation',
  channel: 'directed',
  series: 'engineering',
  specialty: 'engineering.water',
  profile: { currentTitle: { level: 'intermediate', obtainedOn: '2018-12-01' }, professionalWorkSince: '2010-08-01', educations: [{ education: 'bachelor', graduatedOn: '2010-07-01' }] },
  status: 'submitted',
  createdAt: '2024-08-12T02:00:00Z',
  files: [],
  texts: {},
  entries: {},
  declarations: [],
  idNumber: '11010519491231002X',
  submissions: 1,
  events: [],
  applicantName: '王建新',
  unit: { unitId: 'u', name: '阿克苏地区水利水电勘测设计院', level: 'prefecture', prefecture: '阿克苏地区', county: null, route: 'hr' },
  returnDeadline: null,
  returnSnapshot: {},
  returnConfirmations: {},
  publicity: { from: '2024-08-19', to: '2024-08-23', workingDays: 5 },
  feeReceipt: null,
  basics: { ethnicity: '维吾尔族', politicalStatus: '中共党员' },
  conflicts: [],
  recheck: null,
  everReturned: false,
  idTail: null,
  feePayment: null,
} as ApplicationRecord;
const fields = documentFields({ record, round: water, targetTitle: '高级工程师', today: '2024-09-02' });

describe('the Word templates', () => {
  it('are the six documents the rounds list, each offered by some round', () => {
    expect(templates.sort()).toEqual(['authenticity_guarantee.docx', 'ce_exemption_form.docx', 'personal_commitment.docx', 'unit_publicity.docx', 'unit_publicity_result.docx', 'unit_recommendation.docx']);
    const offered = new Set(allParsedRounds.flatMap((r) => [...documentsFor(r, 'applicant'), ...documentsFor(r, 'unit')].map((d) => `${d.docx}.docx`)));
    expect([...offered].sort()).toEqual(templates.sort());
  });

  it.each(templates)('%s uses only fields the product fills, and a filled copy holds each value and no tag', async (file) => {
    const bytes = readFileSync(path.join(DIR, file));
    const tags = tagsOf(bytes);
    expect(tags.length).toBeGreaterThan(2);
    for (const tag of tags) expect(Object.keys(fields)).toContain(tag);
    const filled = textOf(await fillDocx(bytes, fields));
    for (const tag of tags) expect(filled).toContain(fields[tag]);
    expect(filled).not.toMatch(/[{}]/);
    expect(filled).toContain('王建新');
  });
});

describe('the meeting record template', () => {
  const forestry = round('aksu-forestry-2024');
  const app = (n: number) => `app-${n}`;
  const meeting: MeetingRecord = {
    roundId: forestry.id,
    heldOn: '2024-10-10',
    createdAt: '2024-10-01T02:00:00.000Z',
    createdBy: 's',
    expertIds: ['e1', 'e2', 'e3'],
    selection: { kind: 'draw', seed: 12345, pool: ['e1', 'e2', 'e3'], count: 3 },
    attendance: { present: ['e1', 'e3'], at: '2024-10-10T02:00:00.000Z', by: 's' },
    recusals: [{ applicationId: app(1), expertId: 'e2', reason: '与申报人同一单位', at: 't', by: 's' }],
    overrides: { [app(2)]: { result: 'fail', reason: '一票否决：论文经查实为抄袭', at: 't', by: 's' } },
    applicationIds: [app(1), app(2)],
    results: { [app(1)]: 'pass', [app(2)]: 'fail' },
    tallies: { [app(1)]: { agree: 2, disagree: 0, abstain: 0, voters: 2, needed: 2, computed: 'pass' }, [app(2)]: { agree: 2, disagree: 0, abstain: 0, voters: 2, needed: 2, computed: 'pass' } },
    publishedAt: '2024-10-10T08:00:00.000Z',
    publicity: null,
    certifiedAt: null,
    objections: [],
  };
  const names: Record<string, string> = { e1: '刘文博', e2: '古再丽', e3: '何振华' };
  const recordFields = meetingRecordFields({
    meeting,
    round: forestry,
    members: [
      { id: app(1), record: { applicantName: '吐尔洪', level: 'deputy_senior', specialtyName: '林业和草原专业' } },
      { id: app(2), record: { applicantName: '米娜瓦尔', level: 'deputy_senior', specialtyName: '林业和草原专业' } },
    ],
    expertName: (id) => names[id]!,
    secretaryName: '陈志刚',
  });

  it('uses only fields the record fills, and a filled copy says who attended, the tallies, recusals and changes with their reasons', async () => {
    const bytes = readFileSync(path.join(DIR, MEETING_RECORD));
    for (const tag of tagsOf(bytes)) expect(Object.keys(recordFields)).toContain(tag);
    const filled = textOf(await fillDocx(bytes, recordFields));
    expect(filled).not.toMatch(/[{}]/);
    for (const expected of [
      '会议日期：2024年10月10日',
      '评审专家（3 位，从本批次专家库 3 位中随机抽取 3 位（抽取种子 12345，可复核））：刘文博、古再丽、何振华',
      '到会专家（2 位）：刘文博、何振华；缺席：古再丽',
      '1号吐尔洪副高级 林业和草原专业2200通过通过',
      '2号米娜瓦尔副高级 林业和草原专业2200通过不通过',
      '1号 吐尔洪：古再丽 回避，理由：与申报人同一单位',
      '2号 米娜瓦尔：表决通过，改为不通过，理由：一票否决：论文经查实为抄袭',
      '副高级：评审 2 人，通过 1 人，通过率不高于 75%（四(七)），最多 1 人',
      '记录人（评审委员会秘书）：陈志刚',
    ])
      expect(filled).toContain(expected);
  });
});
