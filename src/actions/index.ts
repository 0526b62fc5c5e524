// Every form post of the back office. Each action authorizes itself (see support.ts) before reading input.
import { auth, users } from './auth';
import { agenda, demands, files, paperLinks, followUps, masterData, meetings, memberships, papers, preview, records } from './content';

export const server = { auth, users, papers, paperLinks, demands, followUps, meetings, agenda, masterData, memberships, files, records, preview };
