import type { Profile } from '../../core/eligibility/profile';
import type { Question, QuestionContext } from './questions';

const monthText = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

/** How an answer reads in the answer summary: `事业单位`, `2023年7月`, `不确定`. */
export function answerText(question: Question, profile: Profile, ctx: QuestionContext): string {
  switch (question.kind) {
    case 'choice': {
      const value = question.read(profile);
      return value === undefined ? '不确定' : (question.options(ctx).find((o) => o.value === value)?.label ?? value);
    }
    case 'specialty': {
      const value = question.read(profile);
      if (value === undefined) return '不确定';
      for (const group of question.groups(ctx)) {
        const found = group.options.find((o) => o.value === value);
        if (found) return found.label === group.title ? found.label : `${group.title} · ${found.label}`;
      }
      return value;
    }
    case 'month': {
      const value = question.read(profile);
      return value === undefined ? '不确定' : monthText(value);
    }
    case 'number': {
      const value = question.read(profile);
      return value === undefined ? '不确定' : `${value} ${question.unit}`;
    }
    case 'rows': {
      const parts = question.rows(ctx, profile).map((row) => {
        const value = question.read(profile, row.key);
        return `${row.label}${value === undefined ? '不确定' : (question.options.find((o) => o.value === value)?.label ?? value)}`;
      });
      return parts.join('；');
    }
    case 'hours': {
      const parts = question.years(ctx).flatMap((year) => {
        const { publicHours, professionalHours } = question.read(profile, year);
        if (publicHours === undefined && professionalHours === undefined) return [];
        return [`${year}年 公需${publicHours ?? '—'} 专业${professionalHours ?? '—'}`];
      });
      return parts.length > 0 ? parts.join('；') : '不确定';
    }
  }
}
