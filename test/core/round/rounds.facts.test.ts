import { allRounds } from '../../../config/rounds';
import { parseRound } from '../../../src/core/round/round.loader';
import type { Boundary, Channel, Level, Round, Way } from '../../../src/core/round/round.schema';

/**
 * One row per fact a notice states, with the expected value written from the notice text (clause
 * in the row name), not copied from the JSON. A row fails when the round file drifts from its notice.
 */

type Fact = { round: string; fact: string; get: (r: Round) => unknown; expected: unknown };

const facts: Fact[] = [
  // ---- aksu-forestry-2024 --------------------------------------------------------------------
  { round: 'aksu-forestry-2024', fact: '三(一) 申报自 2024年7月22日', get: (r) => start(r, 'apply'), expected: '2024-07-22T00:00:00+08:00' },
  { round: 'aksu-forestry-2024', fact: '三(一) 截止8月30日18:00', get: (r) => end(r, 'apply'), expected: '2024-08-30T18:00:00+08:00' },
  { round: 'aksu-forestry-2024', fact: '三(一) 逾期视为放弃', get: (r) => win(r, 'apply').onMissed?.consequence, expected: 'deemed_abandoned' },
  { round: 'aksu-forestry-2024', fact: '三(二) 审核 8月1日—9月10日', get: (r) => [start(r, 'review'), end(r, 'review')], expected: ['2024-08-01T00:00:00+08:00', '2024-09-10T23:59:59+08:00'] },
  { round: 'aksu-forestry-2024', fact: '三(三) 缴费截止 9月15日', get: (r) => end(r, 'fee'), expected: '2024-09-15T23:59:59+08:00' },
  { round: 'aksu-forestry-2024', fact: '四(五) “已接收材料”后缴费', get: (r) => r.fees.payment[0]?.after, expected: 'materials_accepted' },
  { round: 'aksu-forestry-2024', fact: '三(四) 评审会议另行通知', get: (r) => start(r, 'meeting'), expected: '(announced_later)' },
  { round: 'aksu-forestry-2024', fact: '四(五) 高级600（副高）', get: (r) => fee(r, 'deputy_senior', 'evaluation'), expected: 600 },
  { round: 'aksu-forestry-2024', fact: '四(五) 高级600（正高）', get: (r) => fee(r, 'senior', 'evaluation'), expected: 600 },
  { round: 'aksu-forestry-2024', fact: '四(五) 中级400', get: (r) => fee(r, 'intermediate', 'evaluation'), expected: 400 },
  { round: 'aksu-forestry-2024', fact: '四(五) 初级200', get: (r) => fee(r, 'junior_assistant', 'evaluation'), expected: 200 },
  { round: 'aksu-forestry-2024', fact: '四(二) 资历计算截止2024年12月31日', get: (r) => (r.seniority.kind === 'cutoff' ? r.seniority.cutoff : null), expected: '2024-12-31' },
  { round: 'aksu-forestry-2024', fact: '四(一)1 提交不超过3次', get: (r) => r.submission.maxSubmissions.count, expected: 3 },
  { round: 'aksu-forestry-2024', fact: '四(一)1 退回后2日内', get: (r) => resubmit(r), expected: '2 days' },
  { round: 'aksu-forestry-2024', fact: '四(二) 单位公示不少于5个工作日', get: (r) => [r.unitPublicity.workingDays, r.unitPublicity.bound], expected: [5, 'at_least'] },
  { round: 'aksu-forestry-2024', fact: '四(七) 正高通过率≤60%', get: (r) => passCap(r, 'senior'), expected: 60 },
  { round: 'aksu-forestry-2024', fact: '四(七) 副高通过率≤75%', get: (r) => passCap(r, 'deputy_senior'), expected: 75 },
  { round: 'aksu-forestry-2024', fact: '四(七) 中级不设通过率', get: (r) => passCap(r, 'intermediate'), expected: 'none' },
  { round: 'aksu-forestry-2024', fact: '四(一)4 每年90学时，专业课60', get: (r) => hours(r, 0), expected: { kind: 'stated', totalMin: 90, professionalMin: 60 } },
  { round: 'aksu-forestry-2024', fact: '四(一)4 近4年（2021-2024年）', get: (r) => r.continuingEducation.requirements[0]?.publicYears, expected: { kind: 'range', from: 2021, to: 2024 } },
  { round: 'aksu-forestry-2024', fact: '四(一)4 民营企业初次参评不做硬性要求', get: (r) => exemption(r, 'private_enterprise_first_time').effect, expected: 'not_hard_requirement' },
  { round: 'aksu-forestry-2024', fact: '四(一)5 事业单位普通话不低于三级乙等', get: (r) => [r.mandarin[0]?.minGrade, r.mandarin[0]?.who.employmentKinds], expected: ['三级乙等', ['institution']] },
  { round: 'aksu-forestry-2024', fact: '四(四) 高级答辩', get: (r) => r.defense.required[0]?.who.levels, expected: ['senior', 'deputy_senior'] },
  { round: 'aksu-forestry-2024', fact: '四(四) 免答辩条款见阿地人社传〔2024〕13号', get: (r) => externalDocument(r, r.defense.externalExemptions).includes('阿地人社传〔2024〕13号'), expected: true },
  { round: 'aksu-forestry-2024', fact: '四(四) 本通知未自列免答辩情形', get: (r) => r.defense.exemptions.length, expected: 0 },
  { round: 'aksu-forestry-2024', fact: '四(六) 高级工/技师/高级技师 满2/3/4年', get: (r) => bridgeSteps(r), expected: ['senior_worker 2 junior_assistant', 'technician 3 intermediate', 'senior_technician 4 deputy_senior'] },
  { round: 'aksu-forestry-2024', fact: '四(六) 中级工班/高级工班/预备技师班 = 中专/大专/本科', get: (r) => r.highSkillBridges[0]?.schoolClassEquivalents.map((c) => c.education), expected: ['secondary_vocational', 'junior_college', 'bachelor'] },
  { round: 'aksu-forestry-2024', fact: '四(六) 贯通未限定系列', get: (r) => r.highSkillBridges[0]?.seriesScope, expected: { kind: 'all' } },
  { round: 'aksu-forestry-2024', fact: '四(一)4 免继续教育者上传免学审批表、民企初次参评不做硬性要求：证书按两项豁免放宽', get: (r) => [...(material(r, 'continuing_education').waivedBy ?? [])].sort(), expected: ['private_enterprise_first_time', 'village_work_by_form'] },
  { round: 'aksu-forestry-2024', fact: '二 同一年度只能选择一种方式', get: (r) => r.oneChannelPerYear?.scope, expected: 'same_year_series_level' },
  { round: 'aksu-forestry-2024', fact: '一(二) 疆外民企派驻连续1年以上', get: (r) => postedYears(r), expected: 1 },
  { round: 'aksu-forestry-2024', fact: '附件3 3年内不得申报', get: (r) => banYears(r), expected: [3] },
  { round: 'aksu-forestry-2024', fact: '四(一)3 遮盖姓名、照片、工作单位', get: (r) => maskItems(r), expected: ['own_name', 'own_photo', 'work_unit'] },
  { round: 'aksu-forestry-2024', fact: '落款 2024年7月17日', get: (r) => r.issuedOn.date, expected: '2024-07-17' },

  // ---- aksu-water-2024 -----------------------------------------------------------------------
  { round: 'aksu-water-2024', fact: '三(一) 2024年8月30日18:00', get: (r) => end(r, 'apply'), expected: '2024-08-30T18:00:00+08:00' },
  { round: 'aksu-water-2024', fact: '三(三) 缴费截止 9月15日', get: (r) => end(r, 'fee'), expected: '2024-09-15T23:59:59+08:00' },
  { round: 'aksu-water-2024', fact: '四(一)21 高级工程师700', get: (r) => fee(r, 'deputy_senior', 'evaluation'), expected: 700 },
  { round: 'aksu-water-2024', fact: '四(一)21 工程师400', get: (r) => fee(r, 'intermediate', 'evaluation'), expected: 400 },
  { round: 'aksu-water-2024', fact: '四(一)21 助理工程师200', get: (r) => fee(r, 'junior_assistant', 'evaluation'), expected: 200 },
  { round: 'aksu-water-2024', fact: '四(一)21 正高级工程师无收费标准', get: (r) => fee(r, 'senior', 'evaluation'), expected: null },
  { round: 'aksu-water-2024', fact: '四(一)21 通过形式审核后在财审室缴费', get: (r) => [r.fees.payment[0]?.after, r.fees.payment[0]?.place], expected: ['formal_review_passed', '阿克苏地区水利局财审室'] },
  { round: 'aksu-water-2024', fact: '四(一)21 未缴纳的不予评审', get: (r) => r.fees.payment[0]?.unpaid, expected: 'not_evaluated' },
  { round: 'aksu-water-2024', fact: '四(一)20 每人答辩10分钟', get: (r) => r.defense.slotMinutes?.minutes, expected: 10 },
  { round: 'aksu-water-2024', fact: '四(一)20 微信绑定并留意微信通知', get: (r) => [r.defense.notification?.channel, r.defense.notification?.requiresAccountBinding], expected: ['wechat', true] },
  { round: 'aksu-water-2024', fact: '四(一)2 参加本年驻村可不答辩', get: (r) => r.defense.exemptions.flatMap((e) => e.who.factsAll?.map((f) => f.fact) ?? []), expected: ['village_work_this_year'] },
  { round: 'aksu-water-2024', fact: '四(二)23 现场答辩', get: (r) => r.defense.required[0]?.modes, expected: ['on_site'] },
  { round: 'aksu-water-2024', fact: '四(二)25 单位审核意见用语', get: (r) => text(r, 'unit_opinion'), expected: '本单位已对提供的申报材料逐一审核，真实、完整、有效，同意推荐' },
  { round: 'aksu-water-2024', fact: '四(一)2 身份证正面和反面', get: (r) => material(r, 'id_card').sides, expected: ['front', 'back'] },
  { round: 'aksu-water-2024', fact: '四(一)14 近3年考核登记表', get: (r) => material(r, 'appraisal_forms').years, expected: { kind: 'recent', years: 3 } },
  { round: 'aksu-water-2024', fact: '四(一)18 所有申报人上传真实性保证书', get: (r) => material(r, 'authenticity_guarantee').required.kind, expected: 'always' },
  { round: 'aksu-water-2024', fact: '四(一)7 同一业绩不能同时用于实践能力和业绩成果', get: (r) => rule(r, 'exclusive_use').categories, expected: ['practice_ability', 'achievements'] },
  { round: 'aksu-water-2024', fact: '四(一)19 现单位公章也需遮盖', get: (r) => maskItems(r).includes('unit_seal'), expected: true },
  { round: 'aksu-water-2024', fact: '四(一)19 不可遮盖他人姓名、不可大面积遮盖、不要遗漏', get: (r) => r.materials.masking.prohibitions.map((p) => p.kind), expected: ['other_people_names', 'large_area', 'omission'] },
  { round: 'aksu-water-2024', fact: '四(二)22 资历截至2024年12月31日', get: (r) => (r.seniority.kind === 'cutoff' ? r.seniority.cutoff : null), expected: '2024-12-31' },
  { round: 'aksu-water-2024', fact: '通知无通过率条款', get: (r) => r.passRates.length, expected: 0 },
  { round: 'aksu-water-2024', fact: '附件1–5 五个附件', get: (r) => r.templates.map((t) => t.attachment), expected: ['附件1', '附件2', '附件3', '附件4', '附件5'] },
  { round: 'aksu-water-2024', fact: '四(二)24 工程技术等系列贯通；本批次只有工程系列', get: (r) => listedSeries(r), expected: ['engineering'] },
  { round: 'aksu-water-2024', fact: '四(一)15 免继续教育者在继续教育栏上传免学审批表、民企初次参评不做硬性要求', get: (r) => [...(material(r, 'continuing_education').waivedBy ?? [])].sort(), expected: ['private_enterprise_first_time', 'village_work_by_form'] },

  // ---- bazhou-ecoenv-2024 --------------------------------------------------------------------
  { round: 'bazhou-ecoenv-2024', fact: '三(一) 网上申报 8月24日—9月8日', get: (r) => [start(r, 'apply'), end(r, 'apply')], expected: ['2024-08-24T00:00:00+08:00', '2024-09-08T23:59:59+08:00'] },
  { round: 'bazhou-ecoenv-2024', fact: '三(二) 审核 9月9日—9月20日', get: (r) => [start(r, 'review'), end(r, 'review')], expected: ['2024-09-09T00:00:00+08:00', '2024-09-20T23:59:59+08:00'] },
  { round: 'bazhou-ecoenv-2024', fact: '三(三) 纸质材料 9月21日—9月27日', get: (r) => [start(r, 'paper'), end(r, 'paper')], expected: ['2024-09-21T00:00:00+08:00', '2024-09-27T23:59:59+08:00'] },
  { round: 'bazhou-ecoenv-2024', fact: '三(四) 缴费 9月28日—10月11日', get: (r) => [start(r, 'fee'), end(r, 'fee')], expected: ['2024-09-28T00:00:00+08:00', '2024-10-11T23:59:59+08:00'] },
  { round: 'bazhou-ecoenv-2024', fact: '三(五) 答辩拟定于10月24日', get: (r) => [start(r, 'defense'), win(r, 'defense').firmness], expected: ['2024-10-24T00:00:00+08:00', 'tentative'] },
  { round: 'bazhou-ecoenv-2024', fact: '三(五) 答辩地点另行通知', get: (r) => win(r, 'defense').location?.kind, expected: 'announced_later' },
  { round: 'bazhou-ecoenv-2024', fact: '七 评审中级380', get: (r) => fee(r, 'intermediate', 'evaluation'), expected: 380 },
  { round: 'bazhou-ecoenv-2024', fact: '七 评审初级220', get: (r) => fee(r, 'junior_assistant', 'evaluation'), expected: 220 },
  { round: 'bazhou-ecoenv-2024', fact: '七 初次确定初级100', get: (r) => fee(r, 'junior_assistant', 'initial'), expected: 100 },
  { round: 'bazhou-ecoenv-2024', fact: '七 初次确定中级380', get: (r) => fee(r, 'intermediate', 'initial'), expected: 380 },
  { round: 'bazhou-ecoenv-2024', fact: '七 授予（中级）380', get: (r) => fee(r, 'intermediate', 'grant'), expected: 380 },
  { round: 'bazhou-ecoenv-2024', fact: '七 无副高收费（只评中、初级）', get: (r) => fee(r, 'deputy_senior', 'evaluation'), expected: null },
  { round: 'bazhou-ecoenv-2024', fact: '四(三) 退回后48小时内，逾期视为放弃', get: (r) => [resubmit(r), r.submission.resubmitAfterReturn.kind === 'within' ? r.submission.resubmitAfterReturn.onMissed : null], expected: ['48 hours', 'deemed_abandoned'] },
  { round: 'bazhou-ecoenv-2024', fact: '四(三) 提交次数不超过3次', get: (r) => r.submission.maxSubmissions.count, expected: 3 },
  { round: 'bazhou-ecoenv-2024', fact: '五(一)2 企业近6个月以上社保，带二维码', get: (r) => [r.socialInsurance[0]?.recentMonths, r.socialInsurance[0]?.qrCode], expected: [6, 'required'] },
  { round: 'bazhou-ecoenv-2024', fact: '五(一)10 基本合格顺延1年、不合格顺延2年', get: (r) => r.appraisal.flatMap((a) => (a.kind === 'delay' ? [`${a.grade} ${a.delayYears}`] : [])), expected: ['basically_qualified 1', 'unqualified 2'] },
  { round: 'aksu-water-2024', fact: '四(二)22 重点审核九项内容', get: (r) => r.reviewPoints?.items.length, expected: 9 },
  { round: 'bazhou-ecoenv-2024', fact: '五(一)11 工作总结2000-3000字', get: (r) => material(r, 'work_summary').textLength, expected: { minChars: 2000, maxChars: 3000 } },
  { round: 'bazhou-ecoenv-2024', fact: '五(一)12 公需30学时、专业60学时', get: (r) => hours(r, 0), expected: { kind: 'stated', publicMin: 30, professionalMin: 60 } },
  { round: 'bazhou-ecoenv-2024', fact: '五(一)12 初级近两年', get: (r) => ce(r, 'junior').professionalYears, expected: { kind: 'recent', years: 2 } },
  { round: 'bazhou-ecoenv-2024', fact: '五(一)12 中级公需2020-2024、专业2022-2024', get: (r) => [ce(r, 'intermediate').publicYears, ce(r, 'intermediate').professionalYears], expected: [{ kind: 'range', from: 2020, to: 2024 }, { kind: 'range', from: 2022, to: 2024 }] },
  { round: 'bazhou-ecoenv-2024', fact: '五(一)12 符合继续教育免试的上传免试审批表（代替证书）', get: (r) => material(r, 'continuing_education').waivedBy, expected: ['village_work_by_form'] },
  { round: 'bazhou-ecoenv-2024', fact: '五(一)4 新疆取得三项中两项、外省取得三项', get: (r) => material(r, 'current_title').alternatives?.map((a) => `${a.choose}/${a.of.length}`), expected: ['2/3', '3/3'] },
  { round: 'bazhou-ecoenv-2024', fact: '五(一)8 知识产权上传PDF', get: (r) => material(r, 'intellectual_property').formats, expected: ['pdf'] },
  { round: 'bazhou-ecoenv-2024', fact: '五(一)3 学历从低到高', get: (r) => material(r, 'education').ordering, expected: 'lowest_first' },
  { round: 'bazhou-ecoenv-2024', fact: '五(三) 评审表一式两份', get: (r) => material(r, 'paper_review_form').copies, expected: 2 },
  { round: 'bazhou-ecoenv-2024', fact: '五(四)10 2021年至2023年考核表原件', get: (r) => material(r, 'paper_appraisal_forms').years, expected: { kind: 'range', from: 2021, to: 2023 } },
  { round: 'bazhou-ecoenv-2024', fact: '五(四) 纸质清单12项（评审表一项、另加花名册）', get: (r) => r.materials.categories.filter((c) => c.stage === 'paper').length, expected: 13 },
  { round: 'bazhou-ecoenv-2024', fact: '五(一)15 遮盖姓名、现单位、公章、照片眼睛', get: (r) => maskItems(r), expected: ['own_name', 'work_unit', 'unit_seal', 'own_photo_eyes'] },
  { round: 'bazhou-ecoenv-2024', fact: '五(二) 审核意见用语', get: (r) => text(r, 'unit_opinion'), expected: '本单位已对提供的申报材料逐一审核，真实准确，同意推荐' },
  { round: 'bazhou-ecoenv-2024', fact: '六(一) 且末县、若羌县免答辩', get: (r) => r.defense.exemptions.flatMap((e) => e.who.workCounties ?? []), expected: ['且末县', '若羌县'] },
  { round: 'bazhou-ecoenv-2024', fact: '六(二) 初级免答辩', get: (r) => r.defense.exemptions.some((e) => e.who.levels?.includes('junior_assistant') && e.who.levels.includes('junior_yuan')), expected: true },
  { round: 'bazhou-ecoenv-2024', fact: '六(一) 访惠聚等五类免答辩', get: (r) => r.defense.exemptions[0]?.who.factsAny?.length, expected: 5 },
  { round: 'bazhou-ecoenv-2024', fact: '六 免答辩者按平均分赋分', get: (r) => r.defense.exemptScoring?.whenScored, expected: 'average_of_defenders' },
  { round: 'bazhou-ecoenv-2024', fact: '八(二) 诚信档案记录期3年', get: (r) => r.fraudPenalties.find((p) => p.kind === 'credit_record')?.years, expected: 3 },
  { round: 'bazhou-ecoenv-2024', fact: '附件5 花名册12列', get: (r) => r.templates.find((t) => t.code === 'roster')?.columns?.length, expected: 12 },
  { round: 'bazhou-ecoenv-2024', fact: '一 退休、公务员、参公人员不得参加', get: (r) => r.exclusions.map((e) => e.reason), expected: ['retired', 'agency_staff', 'civil_service_managed'] },
  { round: 'bazhou-ecoenv-2024', fact: '二 评审条件新人社发〔2023〕62号', get: (r) => externalDocument(r, 'years_at_current_level').includes('新人社发〔2023〕62号'), expected: true },

  // ---- tacheng-all-series-2023 ---------------------------------------------------------------
  { round: 'tacheng-all-series-2023', fact: '三(五)1 中初级申报 8月15日－9月28日', get: (r) => [start(r, 'apply'), end(r, 'apply')], expected: ['2023-08-15T00:00:00+08:00', '2023-09-28T23:59:59+08:00'] },
  { round: 'tacheng-all-series-2023', fact: '三(五)1 技工院校、党干校 8月15日-20日', get: (r) => [start(r, 'apply_technical_party_school'), end(r, 'apply_technical_party_school')], expected: ['2023-08-15T00:00:00+08:00', '2023-08-20T23:59:59+08:00'] },
  { round: 'tacheng-all-series-2023', fact: '三(五)1 艺术 8月21日-26日', get: (r) => [start(r, 'apply_art'), end(r, 'apply_art')], expected: ['2023-08-21T00:00:00+08:00', '2023-08-26T23:59:59+08:00'] },
  { round: 'tacheng-all-series-2023', fact: '三(五)1 新闻、体育、播音、翻译 8月27日-9月1日', get: (r) => [start(r, 'apply_news_sports_broadcast_translation'), end(r, 'apply_news_sports_broadcast_translation')], expected: ['2023-08-27T00:00:00+08:00', '2023-09-01T23:59:59+08:00'] },
  { round: 'tacheng-all-series-2023', fact: '三(五)1 农业 9月2日-10日', get: (r) => [start(r, 'apply_agriculture'), end(r, 'apply_agriculture')], expected: ['2023-09-02T00:00:00+08:00', '2023-09-10T23:59:59+08:00'] },
  { round: 'tacheng-all-series-2023', fact: '三(五)1 工程 9月11日-28日', get: (r) => [start(r, 'apply_engineering'), end(r, 'apply_engineering')], expected: ['2023-09-11T00:00:00+08:00', '2023-09-28T23:59:59+08:00'] },
  { round: 'tacheng-all-series-2023', fact: '三(五)1 分系列窗口所属系列', get: (r) => applyWindowSeries(r), expected: [['technical_school_teacher', 'party_school_teacher'], ['art'], ['journalism', 'sports_coach', 'broadcasting', 'minority_language_translation'], ['agriculture'], ['engineering']] },
  { round: 'tacheng-all-series-2023', fact: '三(五)2 专家评审 10月16日-11月24日', get: (r) => [start(r, 'expert_meeting'), end(r, 'expert_meeting')], expected: ['2023-10-16T00:00:00+08:00', '2023-11-24T23:59:59+08:00'] },
  { round: 'tacheng-all-series-2023', fact: '三(五)3 12月29日前完成', get: (r) => end(r, 'results'), expected: '2023-12-29T23:59:59+08:00' },
  { round: 'tacheng-all-series-2023', fact: '三(二)4 高级400', get: (r) => fee(r, 'deputy_senior', 'evaluation'), expected: 400 },
  { round: 'tacheng-all-series-2023', fact: '三(二)4 中级300', get: (r) => fee(r, 'intermediate', 'evaluation'), expected: 300 },
  { round: 'tacheng-all-series-2023', fact: '三(二)4 初级200', get: (r) => fee(r, 'junior_yuan', 'evaluation'), expected: 200 },
  { round: 'tacheng-all-series-2023', fact: '三(二)4 通过形式审核后银行缴费', get: (r) => [r.fees.payment[0]?.after, r.fees.payment[0]?.method], expected: ['formal_review_passed', 'bank'] },
  { round: 'tacheng-all-series-2023', fact: '三(二)1 最多提交三次', get: (r) => r.submission.maxSubmissions.count, expected: 3 },
  { round: 'tacheng-all-series-2023', fact: '三(二)1 未规定退回后修改时限', get: (r) => resubmit(r), expected: 'not_stated' },
  { round: 'tacheng-all-series-2023', fact: '附件3 5年内不得申报', get: (r) => banYears(r), expected: [5, 5] },
  { round: 'tacheng-all-series-2023', fact: '三(三)2(3) 工作总结不少于2000字', get: (r) => material(r, 'work_summary').textLength, expected: { minChars: 2000 } },
  { round: 'tacheng-all-series-2023', fact: '三(三)3(2) 评审表一式2份', get: (r) => material(r, 'paper_review_form').copies, expected: 2 },
  { round: 'tacheng-all-series-2023', fact: '三(三)2 JPG格式', get: (r) => rule(r, 'image_format').formats, expected: ['jpg'] },
  { round: 'tacheng-all-series-2023', fact: '三(三)1 遮盖身份证号码，照片只遮眼睛', get: (r) => maskItems(r), expected: ['own_name', 'id_number', 'own_photo_eyes', 'id_card_photo_eyes', 'work_unit'] },
  { round: 'tacheng-all-series-2023', fact: '三(二)3 定向评价农艺畜牧兽医正副高答辩', get: (r) => [r.defense.required[0]?.who.channels, r.defense.required[0]?.who.levels, r.defense.required[0]?.who.specialties?.length], expected: [['directed'], ['senior', 'deputy_senior'], 3] },
  { round: 'tacheng-all-series-2023', fact: '三(二)3 可开展视频（线上）答辩', get: (r) => r.defense.required[0]?.modes.includes('video_online'), expected: true },
  { round: 'tacheng-all-series-2023', fact: '二(二) 高级职称推荐自治区评审', get: (r) => r.forwards.find((f) => f.id === 'region_senior')?.levels, expected: ['senior', 'deputy_senior'] },
  { round: 'tacheng-all-series-2023', fact: '二(二) 地州无法评审的初中级推荐自治区', get: (r) => r.forwards.find((f) => f.id === 'region_unavailable')?.scope.kind, expected: 'not_offered_locally' },
  { round: 'tacheng-all-series-2023', fact: '二(一) 工程系列9个专业在本级评审', get: (r) => offer(r, 'local_specialties').scope.kind === 'specialties' ? (offer(r, 'local_specialties').scope as { specialties: string[] }).specialties.filter((s) => s.startsWith('engineering.')).length : 0, expected: 9 },
  { round: 'tacheng-all-series-2023', fact: '三(一)3 县（市）单位经县人社局审核', get: (r) => chainSteps(r, 'county_unit').includes('county_hr_review'), expected: true },
  { round: 'tacheng-all-series-2023', fact: '三(一)3 地直单位不经县人社局', get: (r) => chainSteps(r, 'prefecture_unit').includes('county_hr_review'), expected: false },
  { round: 'tacheng-all-series-2023', fact: '三(三)2(5) 专业科目2021年度以来', get: (r) => ce(r, 'junior_intermediate').professionalYears, expected: { kind: 'since', from: 2021 } },
  { round: 'tacheng-all-series-2023', fact: '三(三)2(5) 访惠聚、驻村管寺可免继续教育，特培学员填附件6免试表', get: (r) => [...(material(r, 'continuing_education').waivedBy ?? [])].sort(), expected: ['ethnic_minority_special_trainee', 'village_work_this_year'] },
  { round: 'tacheng-all-series-2023', fact: '一(四) 工程技术、农业、文物博物、艺术、体育、技工院校教师系列贯通（工艺美术、实验技术本批次无）', get: (r) => listedSeries(r), expected: ['agriculture', 'art', 'cultural_relics_museum', 'engineering', 'sports_coach', 'technical_school_teacher'] },
  { round: 'tacheng-all-series-2023', fact: '附件6、7、8未随通知印发', get: (r) => r.templates.filter((t) => !t.includedInNotice).map((t) => t.attachment), expected: ['附件6', '附件7', '附件8'] },
  { round: 'tacheng-all-series-2023', fact: '三(二)4 收费依据塔地价函字【2002】23号', get: (r) => r.fees.items[0]?.basis, expected: '塔地价函字【2002】23号' },

  // ---- yuli-initial-junior-2024 --------------------------------------------------------------
  { round: 'yuli-initial-junior-2024', fact: '三(一) 网上申报 10月9日—10月22日', get: (r) => [start(r, 'apply'), end(r, 'apply')], expected: ['2024-10-09T00:00:00+08:00', '2024-10-22T23:59:59+08:00'] },
  { round: 'yuli-initial-junior-2024', fact: '三(二) 材料审核 10月15日—10月30日', get: (r) => [start(r, 'review'), end(r, 'review')], expected: ['2024-10-15T00:00:00+08:00', '2024-10-30T23:59:59+08:00'] },
  { round: 'yuli-initial-junior-2024', fact: '三(三) 纸质材料 10月30日—11月5日', get: (r) => [start(r, 'paper'), end(r, 'paper')], expected: ['2024-10-30T00:00:00+08:00', '2024-11-05T23:59:59+08:00'] },
  { round: 'yuli-initial-junior-2024', fact: '一 中专3年、大专2年、本科1年', get: (r) => r.initialDetermination[0]?.minYearsByEducation.map((e) => `${e.education} ${e.minYearsProfessionalWork}`), expected: ['secondary_vocational 3', 'junior_college 2', 'bachelor 1'] },
  { round: 'yuli-initial-junior-2024', fact: '一 全日制毕业生、考核合格', get: (r) => r.initialDetermination[0]?.who.factsAll?.map((f) => f.fact), expected: ['full_time_graduate', 'appraisal_qualified'] },
  { round: 'yuli-initial-junior-2024', fact: '二 表共49行职称', get: (r) => r.specialties.flatMap((s) => s.titles.flatMap((t) => t.names)).length, expected: 49 },
  { round: 'yuli-initial-junior-2024', fact: '二 第47行 农艺专业 → 助理农艺师', get: (r) => titleNames(r, 'agriculture.agronomy'), expected: ['助理农艺师'] },
  { round: 'yuli-initial-junior-2024', fact: '二 第33行 演员 → 四级演员', get: (r) => titleNames(r, 'art.actor'), expected: ['四级演员'] },
  { round: 'yuli-initial-junior-2024', fact: '二 第42–43行 新闻专业 → 助理记者、助理编辑', get: (r) => titleNames(r, 'journalism.news'), expected: ['助理记者', '助理编辑'] },
  { round: 'yuli-initial-junior-2024', fact: '二 第14–16行 技工院校教师三个职称', get: (r) => titleNames(r, 'technical_school_teacher.general').sort(), expected: ['三级实习指导师', '二级实习指导师', '助理讲师(技工)'].sort() },
  { round: 'yuli-initial-junior-2024', fact: '二 第39行 自然科学研究 → 研究实习员', get: (r) => titleNames(r, 'natural_science_research.general'), expected: ['研究实习员'] },
  { round: 'yuli-initial-junior-2024', fact: '二 工程系列13个专业均为助理工程师', get: (r) => r.specialties.filter((s) => s.series === 'engineering').map((s) => titleNames(r, s.code).join()), expected: Array(13).fill('助理工程师') },
  { round: 'yuli-initial-junior-2024', fact: '通知无收费', get: (r) => r.fees.items.length, expected: 0 },
  { round: 'yuli-initial-junior-2024', fact: '初定无答辩', get: (r) => r.defense.required.length, expected: 0 },
  { round: 'yuli-initial-junior-2024', fact: '五(一)4 公需30课时、专业60课时，2023、2024年', get: (r) => [hours(r, 0), ce(r, 'yearly_30_60').publicYears], expected: [{ kind: 'stated', publicMin: 30, professionalMin: 60 }, { kind: 'range', from: 2023, to: 2024 }] },
  { round: 'yuli-initial-junior-2024', fact: '五(一)4 符合继续教育免试的上传免试审批表（代替证书）', get: (r) => material(r, 'continuing_education').waivedBy, expected: ['village_work_by_form'] },
  { round: 'yuli-initial-junior-2024', fact: '五(一)1 企业上传近一年社保缴费清单', get: (r) => r.socialInsurance[0]?.recentMonths, expected: 12 },
  { round: 'yuli-initial-junior-2024', fact: '四(三) 退回后48小时内', get: (r) => resubmit(r), expected: '48 hours' },
  { round: 'yuli-initial-junior-2024', fact: '五(三)1 呈报表一式两份', get: (r) => material(r, 'paper_report_form').copies, expected: 2 },
  { round: 'yuli-initial-junior-2024', fact: '五(三) 纸质材料6项', get: (r) => r.materials.categories.filter((c) => c.stage === 'paper').length, expected: 6 },
  { round: 'yuli-initial-junior-2024', fact: '五(二) 公示不少于5个工作日', get: (r) => r.unitPublicity.workingDays, expected: 5 },
  { round: 'yuli-initial-junior-2024', fact: '六(二) 记录期限为3年', get: (r) => r.fraudPenalties.find((p) => p.kind === 'credit_record')?.years, expected: 3 },
  { round: 'yuli-initial-junior-2024', fact: '县级批次：尉犁县', get: (r) => r.region.county, expected: '尉犁县' },
];

describe('round files against their notices', () => {
  it.each(facts)('$round $fact', ({ round, get, expected }) => {
    expect(get(roundById(round))).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// Finders. Each throws when the thing is missing, so a row cannot pass by comparing two undefineds.

const parsed = new Map<string, Round>();
for (const json of allRounds) {
  const result = parseRound(json);
  if (!result.ok) throw new Error(result.error.join('\n'));
  parsed.set(result.value.id, result.value);
}

function roundById(id: string): Round {
  return must(parsed.get(id), `round ${id}`);
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} not found`);
  return value;
}

function win(r: Round, id: string) {
  return must(r.windows.find((w) => w.id === id), `window ${id}`);
}

function boundary(b: Boundary): string {
  return b.kind === 'at' ? b.at : `(${b.kind})`;
}

function start(r: Round, id: string): string {
  return boundary(win(r, id).start);
}

function end(r: Round, id: string): string {
  return boundary(win(r, id).end);
}

function fee(r: Round, level: Level, way: Way, channel?: Channel): number | null {
  const item = r.fees.items.find(
    (f) => f.way === way && f.levels.includes(level) && (!channel || !f.channels || f.channels.includes(channel)),
  );
  return item ? item.amountYuan : null;
}

function resubmit(r: Round): string {
  const x = r.submission.resubmitAfterReturn;
  return x.kind === 'within' ? `${x.amount} ${x.unit}` : x.kind;
}

function passCap(r: Round, level: Level): number | 'none' {
  const cap = must(r.passRates.find((p) => p.levels.includes(level)), `pass rate for ${level}`).cap;
  return cap.kind === 'max_percent' ? cap.percent : 'none';
}

function hours(r: Round, index: number) {
  return must(r.continuingEducation.requirements[index], `continuing-education requirement ${index}`).hoursPerYear;
}

function ce(r: Round, id: string) {
  return must(r.continuingEducation.requirements.find((c) => c.id === id), `continuing-education requirement ${id}`);
}

function exemption(r: Round, id: string) {
  return must(r.continuingEducation.exemptions.find((e) => e.id === id), `continuing-education exemption ${id}`);
}

function externalDocument(r: Round, id: string | undefined): string {
  return must(r.externalRules.find((e) => e.id === id), `external rule ${String(id)}`).document;
}

function bridgeSteps(r: Round): string[] {
  return must(r.highSkillBridges[0], 'high-skill bridge').steps.map((s) => `${s.skill} ${s.minYearsSkilledWork} ${s.level}`);
}

function postedYears(r: Round): number | undefined {
  const channel = must(r.channels.find((c) => c.channel === 'private_enterprise'), 'private_enterprise channel');
  const facts = channel.eligibleWhenAny.flatMap((p) => p.who.factsAll ?? []);
  return must(facts.find((f) => f.fact === 'posted_by_enterprise_outside_xinjiang'), 'posted fact').minContinuousYears;
}

function banYears(r: Round): number[] {
  return r.fraudPenalties.filter((p) => p.kind === 'application_ban').map((p) => p.years);
}

function maskItems(r: Round): string[] {
  return r.materials.masking.items.map((i) => i.item);
}

/** The series codes a listed bridge scope names, sorted (the notice's order is not the point). */
function listedSeries(r: Round): string[] | null {
  const scope = must(r.highSkillBridges[0], 'high-skill bridge').seriesScope;
  return scope.kind === 'listed' && scope.series ? [...scope.series].sort() : null;
}

function material(r: Round, code: string) {
  return must(r.materials.categories.find((c) => c.code === code), `material ${code}`);
}

function rule(r: Round, kind: string) {
  return must(r.materials.rules.find((x) => x.kind === kind), `material rule ${kind}`);
}

function text(r: Round, code: string): string {
  return must(r.standardTexts.find((t) => t.code === code), `standard text ${code}`).text;
}

function offer(r: Round, id: string) {
  return must(r.offers.find((o) => o.id === id), `offer ${id}`);
}

function chainSteps(r: Round, id: string): string[] {
  return must(r.reviewChains.find((c) => c.id === id), `review chain ${id}`).steps.map((s) => s.step);
}

function applyWindowSeries(r: Round): (string[] | undefined)[] {
  return r.windows.filter((w) => w.kind === 'apply' && w.who?.series).map((w) => w.who?.series);
}

function titleNames(r: Round, specialty: string): string[] {
  return must(r.specialties.find((s) => s.code === specialty), `specialty ${specialty}`).titles.flatMap((t) => t.names);
}
