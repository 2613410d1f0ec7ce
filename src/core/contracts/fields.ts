import * as z from 'zod';
import { calendarDay } from '../time/calendar-day';

/** The fields many actions' payloads share, each with the Chinese message a bad value gets. */
export const Empty = z.strictObject({});
export const RoundId = z.string().trim().min(1, '请选择评审批次').max(80, '评审批次编号过长');
export const OfferKey = z.string().trim().min(1, '请选择申报的级别').max(120, '申报项目编号过长');
export const ApplicationId = z.string().trim().min(1, '请选择一份申报').max(300, '申报编号过长');
export const CategoryCode = z.string().trim().min(1, '请选择材料类别').max(80, '材料类别编号过长');
export const FileRef = z.string().trim().min(1, '文件还没有上传').max(500, '文件编号过长');
export const RequestId = z.string().trim().min(8, '请求编号不正确').max(64, '请求编号不正确');
export const MeetingId = z.string().trim().min(1, '请选择一次评审会').max(120, '评审会编号过长');
export const ExpertId = z.string().trim().min(1, '请选择一位专家').max(120, '人员编号过长');
/** A calendar date (Beijing), real: 2024-02-30 is refused. */
export const BeijingDate = calendarDay('请选择一个真实的日期');
export const ItemCode = z.number({ message: '请选择一份申报' }).int('编号不正确').min(1, '编号不正确').max(10000, '编号不正确');
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, '文件校验值不正确，请重新上传');

export { readableName, typedText } from '../text/text-input';
