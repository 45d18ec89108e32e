import { ALERT_LABEL_NAMES as NOTIFY_LABELS } from '../../notify/src/domain/alerts/alert';
import { ALERT_LABEL_NAMES } from './notify-labels';

describe('the silence form offers the labels notify matches on', () => {
  it('the same list as notify, so a silence cannot name a label notify refuses', () => expect([...ALERT_LABEL_NAMES]).toEqual([...NOTIFY_LABELS]));
});
