import type { ApplicationRecord } from './application.schema';
import { publicityOver } from '../review/publicity';
import { chineseDate } from '../review/template-fill';

/** A material of the checklist as the unit's papers are judged. */
export interface UnitMaterial {
  readonly code: string;
  readonly name: string;
  readonly need: 'required' | 'if_any' | 'per_conditions';
  readonly providedBy: 'applicant' | 'unit';
  readonly availableAfter?: 'publicity_recorded' | 'publicity_over';
}

/**
 * Whether one of the unit's papers can exist yet, in the notice's order (yuli-initial-junior-2024
 * 五(二)): the 公示 once the unit has recorded its publicity, its result and the recommendation once
 * that publicity is over (Beijing). Null when it can; else what the unit admin is told.
 */
export function unitDocumentWaits(material: Pick<UnitMaterial, 'name' | 'availableAfter'>, publicity: ApplicationRecord['publicity'], now: Date): string | null {
  if (!publicity) return UNIT_DOCUMENT_TEXT.recordPublicityFirst(material.name);
  if (material.availableAfter === 'publicity_over' && now.getTime() < publicityOver(publicity.to).getTime()) return UNIT_DOCUMENT_TEXT.afterPublicity(material.name, publicity.to);
  return null;
}

/** The unit's required papers not uploaded yet, by name: the unit recommends only once there are none. */
export function unitDocumentsMissing(materials: readonly UnitMaterial[], files: readonly Pick<ApplicationRecord['files'][number], 'category'>[]): string[] {
  return materials.filter((m) => m.providedBy === 'unit' && m.need === 'required' && !files.some((f) => f.category === m.code)).map((m) => m.name);
}

export const UNIT_DOCUMENT_TEXT = {
  recordPublicityFirst: (name: string) => `先登记单位内部公示的起止日期，才有${name}。`,
  afterPublicity: (name: string, to: string) => `公示${chineseDate(to)}结束，之后才能出具${name}。`,
  notTheApplicants: '这份材料由单位在公示后出具并上传，您不用上传。',
  notTheUnits: '这份材料不是单位出具的，由申报人上传。',
  missing: (names: readonly string[]) => `请先上传单位出具的材料：${names.join('、')}。`,
} as const;
