/**
 * The portal's access to content: the only module that reads Contentlayer's documents (through
 * ./documents.ts, or the copy a production build keeps, ./documents.built.ts).
 * The documents were checked, parsed and normalised by the content step (ADR 0002); this module
 * only indexes them. Nothing is parsed again here.
 */
import type { Card as CardDocument, Course as CourseDocument } from 'contentlayer/generated';
import { loadDocuments } from '@/lib/cards/documents';
import type { Card } from './card';
import { cardCourses, courseIndex, type CardCourses, type Course } from './catalogue';
import { compareCards } from './collection';
import { slugOfUrl } from './identity';
import { summarise, type CardSummary } from './summary';
import { createCardSearch, type CardSearch } from '../search';

export type { Card, ProficiencyGroup } from './card';
export type { CardCourses, Course, LevelCourses } from './catalogue';
export type { ListedCourse } from './courses';
export type { CardSummary } from './summary';

// Compile-time contract: a Contentlayer document is a Card / a Course. If contentlayer.config.ts
// and lib/cards drift apart, typecheck fails here.
const asCard = (doc: CardDocument): Card => doc;
const asCourse = (doc: CourseDocument): Course => doc;

let cards: readonly Card[] | null = null;
/** Every card, sorted by series, competency and career level. */
export function getAllCards(): readonly Card[] {
  cards ??= loadDocuments().cards.map(asCard).sort(compareCards);
  return cards;
}

let bySlug: Map<string, Card> | null = null;
let byPermalink: Map<string, Card> | null = null;

/**
 * The one card lookup: by slug (`510-Customer-Service-Mid`, `cardsNew/…`), by page URL
 * (`/cards/…`) or by the permalink written in the card file (what a bookmark remembers).
 */
export function getCard(ref: string): Card | undefined {
  bySlug ??= new Map(getAllCards().map((c) => [c.slug, c]));
  byPermalink ??= new Map(getAllCards().map((c) => [c.permalink, c]));
  if (ref.startsWith('/')) return byPermalink.get(ref) ?? bySlug.get(slugOfUrl(ref) ?? '');
  return bySlug.get(ref);
}

/** The same competency of the same series at the other career levels. */
export function getSiblingLevels(card: Card): Card[] {
  return (getCompetencyGroups().get(`${card.seriesCode}/${card.competencySlug}`) ?? []).filter((c) => c !== card && c.careerLevel !== card.careerLevel);
}

let competencyGroups: Map<string, Card[]> | null = null;
/** Every card of each series and competency (`<series>/<competency slug>`), for the compare pages. */
export function getCompetencyGroups(): ReadonlyMap<string, readonly Card[]> {
  if (!competencyGroups) {
    competencyGroups = new Map();
    for (const card of getAllCards()) {
      const key = `${card.seriesCode}/${card.competencySlug}`;
      competencyGroups.set(key, [...(competencyGroups.get(key) ?? []), card]);
    }
  }
  return competencyGroups;
}

let summaries: CardSummary[] | null = null;
/** Every card without its body, in list order: what the dashboard and its browser data use. */
export function getCardSummaries(): readonly CardSummary[] {
  summaries ??= getAllCards().map((card) => summarise(card, getCardCourses(card)));
  return summaries;
}

let search: CardSearch | null = null;
/** The full-text search over all cards, built once per server process. */
export function getCardSearch(): CardSearch {
  search ??= createCardSearch(getCardSummaries());
  return search;
}

let courses: readonly Course[] | null = null;
/** Every course of the catalogue, in catalogue order. */
export function getAllCourses(): readonly Course[] {
  courses ??= loadDocuments()
    .courses.map(asCourse)
    .sort((a, b) => a.line - b.line);
  return courses;
}

let index: ReturnType<typeof courseIndex> | null = null;
const coursesOfCard = new WeakMap<Card, CardCourses>();
/** The courses a card shows: the catalogue's for its competency and levels, by level, then its file's own. */
export function getCardCourses(card: Card): CardCourses {
  let courses = coursesOfCard.get(card);
  if (!courses) {
    index ??= courseIndex(getAllCourses());
    courses = cardCourses(card, index);
    coursesOfCard.set(card, courses);
  }
  return courses;
}

let courseBySlug: Map<string, Course> | null = null;
/** A course by the slug of its page (`/courses/<slug>`). */
export function getCourse(slug: string): Course | undefined {
  courseBySlug ??= new Map(getAllCourses().map((c) => [c.slug, c]));
  return courseBySlug.get(slug);
}

let cardsByCourse: Map<string, Card[]> | null = null;
/** The cards that list a course (its competency, at one of their proficiency levels), in list order. */
export function getCardsOfCourse(course: Course): readonly Card[] {
  if (!cardsByCourse) {
    cardsByCourse = new Map();
    for (const card of getAllCards()) {
      for (const group of getCardCourses(card).byLevel) {
        for (const { course: c } of group.courses) cardsByCourse.set(c.slug, [...(cardsByCourse.get(c.slug) ?? []), card]);
      }
    }
  }
  return cardsByCourse.get(course.slug) ?? [];
}
