// /oparl leads to the API's System object.
import type { APIRoute } from 'astro';
import { absoluteUrl } from '@/lib/server/public-url';
import { OPARL_PATH } from '@/lib/server/oparl/api/urls';

export const GET: APIRoute = () => new Response(null, { status: 302, headers: { Location: absoluteUrl(OPARL_PATH), 'Access-Control-Allow-Origin': '*' } });
