import national from '../../../config/holidays/cn-2023-2026.json';
import regional from '../../../config/holidays/xinjiang-regional.json';
import { RegionalCalendar } from '../review/publicity';
import { HolidayCalendar } from '../time/workdays';
import { once } from '../once';

/**
 * Xinjiang's official calendar as data: the national holidays and the region's festivals,
 * validated on first use (not while a cloud function starts, where most calls never need it).
 */
export const nationalCalendar = once(() => HolidayCalendar.parse(national));
export const regionalCalendar = once(() => RegionalCalendar.parse(regional));
