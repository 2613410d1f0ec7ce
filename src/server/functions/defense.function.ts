import { defenseContract } from '../../core/contracts/functions/defense.contract';
import { applicantActions } from '../defense/applicant.actions';
import { dayOfActions } from '../defense/day-of.actions';
import { planActions } from '../defense/plan.actions';
import { reminderTimers } from '../defense/reminders.timer';
import { defineFunction } from '../function';

/**
 * `defense`: the 10-minute defenses of senior applicants (aksu-water-2024 四(一)20). The committee
 * secretary sets up sessions, assigns every applicant who defends (fee paid, not exempt) a slot,
 * adjusts, publishes (src/server/defense/plan.actions.ts); each applicant is told their slot (WeChat
 * where allowed, and 我的申报), reminded the day before and shortly before by the timer
 * (reminders.timer.ts), told of any change, and on the day told when they are next (day-of.actions.ts);
 * the applicant sees and confirms their own (applicant.actions.ts). The messages are the core's
 * (core/messages/defense-notice.ts).
 */
export const defenseFunction = defineFunction('defense', defenseContract, { ...planActions, ...dayOfActions, ...applicantActions }, reminderTimers);
