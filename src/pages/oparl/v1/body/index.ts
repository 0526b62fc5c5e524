// OParl 1.1: the list of public bodies.
import type { APIRoute } from 'astro';
import { bodiesResponse } from '@/lib/server/oparl/api/routes';

export const GET: APIRoute = (context) => bodiesResponse(context);
