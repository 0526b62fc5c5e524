// OParl 1.1: one body.
import type { APIRoute } from 'astro';
import { objectResponse } from '@/lib/server/oparl/api/routes';

export const GET: APIRoute = (context) => objectResponse(context, 'body', context.params.id);
