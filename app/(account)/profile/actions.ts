'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { currentUser } from '@/lib/auth';
import { SERIES_CODES } from '@/lib/cards/domain';
import { getDb } from '@/lib/db/client';
import { saveProfile } from '@/lib/db/queries';

export interface ProfileState {
  readonly status: 'idle' | 'saved' | 'invalid' | 'error';
  readonly message: string;
  readonly fieldErrors: { series?: string; grade?: string };
  readonly values: { series: string; grade: string };
}

const schema = z.object({
  series: z.enum(SERIES_CODES, { error: 'Choose your job series.' }),
  grade: z
    .string()
    .trim()
    .min(1, 'Enter your GS grade.')
    .regex(/^\d{1,2}$/u, 'Enter your GS grade as a whole number, such as 11.')
    .transform(Number)
    .pipe(z.number().int().min(1, 'A GS grade is from 1 to 15.').max(15, 'A GS grade is from 1 to 15.')),
});

/** Saves the signed-in user's own series and grade: authenticate, parse, (own row only), write. */
export async function saveProfileAction(_prev: ProfileState, form: FormData): Promise<ProfileState> {
  const user = await currentUser();
  if (!user) redirect('/signin?callbackUrl=/profile');
  const values = { series: String(form.get('series') ?? ''), grade: String(form.get('grade') ?? '') };
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: ProfileState['fieldErrors'] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === 'series' || field === 'grade') && !fieldErrors[field]) fieldErrors[field] = issue.message;
    }
    return { status: 'invalid', message: 'Fix the fields marked below.', fieldErrors, values };
  }
  try {
    await saveProfile(await getDb(), user.id, parsed.data);
  } catch (error) {
    console.error(error);
    return { status: 'error', message: 'Your profile could not be saved. Try again.', fieldErrors: {}, values };
  }
  revalidatePath('/plan');
  revalidatePath('/cards');
  return { status: 'saved', message: 'Your profile is saved.', fieldErrors: {}, values };
}
