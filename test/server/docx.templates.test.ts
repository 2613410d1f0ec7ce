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

/**
 * Every Word template in config/templates: the tags it holds are fields the product fills, and a
 * filled copy holds each field's value and no tag.
 */
const DIR = path.resolve(__dirname, '../../config/templates');
const templates = readdirSync(DIR).filter((f) => f.endsWith('.docx'));

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
