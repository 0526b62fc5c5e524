// OParl 1.1: any other path below /oparl/v1 answers a JSON 404, as the API's clients expect.
import type { APIRoute } from 'astro';
import { unknownPathResponse } from '@/lib/server/oparl/api/routes';

export const GET: APIRoute = () => unknownPathResponse();
