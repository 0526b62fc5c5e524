// The System object: the API's entry point (OParl 1.1), linking the bodies and the vendor extension's documentation.
import { absoluteUrl } from '@/lib/server/public-url';
import type { OparlObject } from './common';
import { VENDOR_PREFIX } from './demands';
import { bodiesUrl, extensionPageUrl, systemUrl, typeUrl } from './urls';

/** The OParl version the API speaks. */
export const OPARL_VERSION = 'https://schema.oparl.org/1.1/';

/** The System object. */
export function systemObject(): OparlObject {
  return {
    id: systemUrl(),
    type: typeUrl('System'),
    oparlVersion: OPARL_VERSION,
    name: 'Ratsfaden',
    body: bodiesUrl(),
    website: absoluteUrl('/'),
    vendor: `${extensionPageUrl()}#hersteller`,
    product: extensionPageUrl(),
    [`${VENDOR_PREFIX}:extension`]: extensionPageUrl(),
    web: absoluteUrl('/'),
  };
}
