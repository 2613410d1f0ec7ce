import national from '../../config/holidays/cn-2023-2026.json';
import regional from '../../config/holidays/xinjiang-regional.json';
import { RegionalCalendar } from '../core/review/publicity';
import { HolidayCalendar } from '../core/time/workdays';

/** Xinjiang's official calendar as data: the national holidays and the region's festivals, validated once. */
export const nationalCalendar = HolidayCalendar.parse(national);
export const regionalCalendar = RegionalCalendar.parse(regional);
