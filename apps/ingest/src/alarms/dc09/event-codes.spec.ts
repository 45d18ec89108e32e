import { contactIdEvent, siaCode } from './event-codes';

describe('event code tables', () => {
  it.each([
    ['BA', 'Burglary Alarm', 'Zone or point'],
    ['CL', 'Closing Report', 'User number'],
    ['RP', 'Automatic Test', 'Unused'],
  ])('knows SIA %s', (code, type, concerns) => {
    expect(siaCode(code)).toEqual(expect.objectContaining({ type, concerns }));
  });

  it.each([
    ['130', 'Burglary', 'zone'],
    ['121', 'Duress', 'user'],
    ['602', 'Periodic test report', 'zone'],
  ])('knows Contact ID %s', (code, description, cccField) => {
    expect(contactIdEvent(code)).toEqual(expect.objectContaining({ description, ccc_field: cccField }));
  });

  it.each(['ZX', 'toString', '__proto__', 'constructor'])('does not know SIA %s', (code) => {
    expect(siaCode(code)).toBeUndefined();
  });

  it.each(['998', 'constructor', ''])('does not know Contact ID "%s"', (code) => {
    expect(contactIdEvent(code)).toBeUndefined();
  });
});
