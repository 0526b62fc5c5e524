// OParl 1.1: one object by type and id (organization, person, membership, meeting, agenda-item, paper, …).
import type { APIRoute } from 'astro';
import { objectResponse } from '@/lib/server/oparl/api/routes';

export const GET: APIRoute = (context) => objectResponse(context, context.params.kind, context.params.id);
