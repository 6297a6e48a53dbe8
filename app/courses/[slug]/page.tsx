import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CourseView } from '@/components/courses/CourseView';
import { IslandsScript } from '@/components/IslandsScript';
import { getCardsOfCourse, getCourse } from '@/lib/cards';
import { metaDescription, NOT_FOUND_METADATA } from '@/lib/pages/meta';

/**
 * A course's page, as Next renders it: in development (live from the content), and in production
 * only for an address no static file answers (a 404). `npm run build` writes every course's page
 * as a static file (lib/pages/static.tsx), which the portal's server sends itself.
 */
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const course = getCourse((await params).slug);
  if (!course) return NOT_FOUND_METADATA;
  return { title: course.title, description: metaDescription(course.description || course.title) };
}

export default async function CoursePage({ params }: Props) {
  const course = getCourse((await params).slug);
  if (!course) notFound();
  return (
    <>
      <CourseView course={course} cards={getCardsOfCourse(course)} />
      <IslandsScript />
    </>
  );
}
