import { redirect } from 'next/navigation';

/** The card list is the portal's front door. */
export default function Home() {
  redirect('/cards');
}
