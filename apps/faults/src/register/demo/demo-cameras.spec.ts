import partnership from '../../../../../libs/contracts/src/reference/partnership.json';
import { findClient, findPartner, registerCameraSchema } from '@vigil/contracts';
import { demoCameras } from './demo-cameras';

describe('the demo camera register', () => {
  const cameras = demoCameras();

  it("is as many cameras as the control room watches (the pack's 1,568)", () => {
    expect(cameras).toHaveLength(partnership.control_room.cameras_monitored);
  });

  it.each(partnership.partners.map((p) => [p.id, p.cameras] as const))("gives %s the pack's %i cameras, each in one of its own areas", (partnerId, count) => {
    const own = cameras.filter((c) => c.partnerId === partnerId);
    expect(own).toHaveLength(count);
    for (const camera of own) expect(findPartner(partnerId)!.towns).toContain(camera.town);
  });

  it("gives the rest to the company's clients", () => {
    const clients = cameras.filter((c) => c.clientName !== null);
    expect(clients).toHaveLength(1568 - 256);
    for (const camera of clients) expect(findClient(camera.clientName!)).toBeDefined();
  });

  it('is valid for the register, with unique ids, and every camera in Hertfordshire or Bedfordshire', () => {
    expect(new Set(cameras.map((c) => c.cameraId)).size).toBe(cameras.length);
    for (const camera of cameras) {
      expect(registerCameraSchema.safeParse(camera).success).toBe(true);
      expect(camera.lat).toBeGreaterThan(51.6);
      expect(camera.lat).toBeLessThan(52.1);
      expect(camera.lon).toBeGreaterThan(-0.5);
      expect(camera.lon).toBeLessThan(0.2);
    }
  });

  it.each([
    ['NH-014', 'Hitchin Town Centre'],
    ['ST-101', 'Stevenage Town Centre'],
    ['HM-022', 'Potters Bar'],
    ['BX-003', 'Cheshunt'],
  ])("puts %s where triage's demo registers say (%s)", (cameraId, town) => {
    expect(cameras.find((c) => c.cameraId === cameraId)?.town).toBe(town);
  });

  it('is the same on every start', () => {
    expect(demoCameras()).toEqual(cameras);
  });
});
