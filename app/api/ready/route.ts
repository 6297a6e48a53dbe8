/**
 * GET /api/ready: the portal can serve people (readiness): the database answers and every migration
 * is applied. 503 with a sentence otherwise. The server calls it once at start to open the database.
 */
import { databaseStatus } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const status = await databaseStatus();
  const headers = { 'Cache-Control': 'no-store' };
  if (status.ok) return Response.json({ status: 'ready', database: status.kind, migrations: status.migrations }, { headers });
  return Response.json({ status: 'not ready', error: status.error }, { status: 503, headers });
}
