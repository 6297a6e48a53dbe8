import type { Metadata } from 'next';
import { CourseFinder } from '@/components/courses/CourseFinder';
import { getAllCourses } from '@/lib/cards';
import { courseChoices, courseFacets, findCourses, parseCourseFilter, type CourseChoices } from '@/lib/course-finder';

export const metadata: Metadata = {
  title: 'Courses',
  description: 'Find a course by the competency and proficiency level it builds, its provider, modality, credit type, price and duration.',
};

/** Rendered per request for its address (a plain GET form: the finder works without JavaScript). */
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

let choices: CourseChoices | null = null;

export default async function CoursesPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => [k, x]))));
  const courses = getAllCourses();
  choices ??= courseChoices(courses);
  const { filter, notices } = parseCourseFilter(query, choices);
  return <CourseFinder filter={filter} notices={notices} facets={courseFacets(courses, filter, choices)} found={findCourses(courses, filter)} />;
}
