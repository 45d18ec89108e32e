/**
 * The demo's alarm panels, registered with ingest as an operator would (PUT /api/alarm-accounts).
 * Their account numbers are the ones triage's demo registers place: Boots in Hitchin (a partner's
 * town), and two of the company's clients (a supermarket in Hoddesdon, a school in Letchworth).
 */
export const DEMO_ALARM_ACCOUNTS = [
  {
    account: '7001',
    partnerId: 'north-herts',
    site: 'Boots, Hitchin',
    address: '8 High Street, Hitchin',
    zones: { '1': 'Pharmacy counter PA', '3': 'Stock room PIR', '5': 'Rear door' },
  },
  {
    account: '7002',
    // Ingest files every panel under a partner; triage's register knows the site is a client's.
    partnerId: 'north-herts',
    site: 'Tesco, Hoddesdon',
    address: 'Brewery Road, Hoddesdon',
    zones: { '2': 'Cash office PA', '4': 'Loading bay door' },
  },
  {
    account: '7003',
    partnerId: 'north-herts',
    site: 'Fearnhill School, Letchworth',
    address: 'Icknield Way West, Letchworth',
    zones: { '2': 'Science block smoke', '6': 'Main hall PIR' },
  },
] as const;
