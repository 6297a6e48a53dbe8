import 'server-only';
/** A person's gaps as the gap view, My plan's exports and a shared view show them: only that person's rows are read. */
import { getAllCards } from './cards';
import type { CareerLevel, SeriesCode } from './cards/domain';
import type { Database } from './db/client';
import { getProfile, listRatings } from './db/queries';
import type { Profile } from './db/schema';
import { gapRows, targetCareerLevel, type Aim, type GapRow } from './gaps';

export interface Gaps {
  /** Null until the person has set their series and grade: there is no target without them. */
  readonly profile: Pick<Profile, 'series' | 'grade'> | null;
  readonly aim: Aim;
  /** The career level targets come from. */
  readonly level: CareerLevel | null;
  readonly rows: readonly GapRow[];
}

export async function loadGaps(db: Database, userId: string): Promise<Gaps> {
  const [profile, ratings] = await Promise.all([getProfile(db, userId), listRatings(db, userId)]);
  if (!profile) return { profile: null, aim: 'current', level: null, rows: [] };
  const level = targetCareerLevel(profile.grade, profile.aim);
  return { profile, aim: profile.aim, level, rows: gapRows(getAllCards(), profile.series as SeriesCode, level, ratings) };
}
