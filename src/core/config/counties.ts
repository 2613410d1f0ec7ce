import * as z from 'zod';
import data from '../../../config/regions/xinjiang-counties.json';
import { once } from '../once';

/** The prefectures of the rounds the product holds and their counties (config/regions), validated on first use. */
const Counties = z.strictObject({ source: z.string().min(1), prefectures: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)) });
const counties = once(() => Counties.parse(data).prefectures);

export const prefectures = (): string[] => Object.keys(counties());

/** The counties (and county-level cities) of a prefecture; none for a prefecture not listed. */
export const countiesOf = (prefecture: string): string[] => [...(counties()[prefecture] ?? [])];
