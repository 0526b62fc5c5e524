// OParl 1.1: a body's lists (organization, person, meeting, paper, legislative-term, location, agenda-item, consultation, file, membership), paged.
import type { APIRoute } from 'astro';
import { bodyListResponse } from '@/lib/server/oparl/api/routes';

export const GET: APIRoute = (context) => bodyListResponse(context, context.params.id, context.params.list);
