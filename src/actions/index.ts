// Every form post of the back office, one file per area. Each action authorizes itself (see support.ts) before reading input.
import { auth, users } from './auth';
import { paperLinks, papers } from './papers';
import { demands, followUps } from './tracking';
import { agenda, meetings } from './meetings';
import { masterData, memberships } from './people';
import { files } from './files';
import { records } from './records';
import { preview } from './preview';
import { legalTexts } from './legal';

export const server = { auth, users, papers, paperLinks, demands, followUps, meetings, agenda, masterData, memberships, files, records, preview, legalTexts };
