// OParl 1.1: the System object, entry point of the API (src/lib/server/oparl/api/).
import type { APIRoute } from 'astro';
import { systemResponse } from '@/lib/server/oparl/api/routes';

export const GET: APIRoute = (context) => systemResponse(context);
