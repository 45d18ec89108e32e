import { Controller, Get, Header, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiEmptyBody, HTML_PAGE } from '../notify-openapi';
import { NOTIFY_OPTIONS, NotifyOptions } from '../notify.options';
import { AcknowledgeAlertUseCase } from './acknowledge-alert.usecase';
import { verifyAcknowledgeLink } from './acknowledge-link-token';
import { acknowledgePage } from './acknowledge-page';

const REFUSED: Record<string, string> = {
  malformed: 'This link is not a Vigil acknowledgement link. Check it was copied whole.',
  'bad-signature': 'This link is not valid. Acknowledge on the console or call the control room.',
  expired: 'This link has expired. Acknowledge on the console or call the control room.',
  off: 'Acknowledgement links are not enabled here. Acknowledge on the console or call the control room.',
};

/**
 * The signed link in a message. Opening it (GET) only shows what it acknowledges and a button:
 * mail scanners and link previews open links, and must not acknowledge for anyone. The button
 * POSTs, and the token alone says who (the receiver it was sent to) and what.
 */
@ApiTags('notify')
@Controller('api/notify/acknowledge')
export class AcknowledgeLinkController {
  constructor(
    @Inject(NOTIFY_OPTIONS) private readonly options: NotifyOptions,
    private readonly acknowledge: AcknowledgeAlertUseCase,
  ) {}

  @Get(':token')
  @ApiOperation({ summary: 'A signed acknowledgement link, opened: says what it acknowledges and offers the button (opening it acknowledges nothing)', description: 'Who: whoever holds the link; the token says the alert and the receiver it was sent to.' })
  @ApiParam({ name: 'token', description: 'the signed token from the message' })
  @ApiOkResponse({ description: 'The page (also when the link is refused, saying why).', content: HTML_PAGE })
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  confirm(@Param('token') token: string): string {
    const check = this.check(token);
    if (!check.ok) return acknowledgePage({ title: 'Cannot acknowledge', message: REFUSED[check.reason] });
    return acknowledgePage({ title: 'Acknowledge this alert?', message: `For ${check.claims.receiver}: ${check.claims.fingerprint}.`, confirm: true });
  }

  @Post(':token')
  @ApiOperation({ summary: 'The signed link\'s button: acknowledges the alert as the receiver it was sent to', description: 'Who: whoever holds the link.' })
  @ApiParam({ name: 'token', description: 'the signed token from the message' })
  @ApiEmptyBody()
  @ApiOkResponse({ description: 'The outcome, as a page.', content: HTML_PAGE })
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async acknowledgeByLink(@Param('token') token: string): Promise<string> {
    const check = this.check(token);
    if (!check.ok) return acknowledgePage({ title: 'Cannot acknowledge', message: REFUSED[check.reason] });
    const { fingerprint, receiver, version } = check.claims;
    const result = await this.acknowledge.execute({ fingerprint, by: `link:${receiver}`, via: 'link', version });
    if (!result.found) return acknowledgePage({ title: 'Cannot acknowledge', message: 'Vigil does not know this alert any more.' });
    return acknowledgePage({ title: result.outcome === 'acknowledged' ? 'Acknowledged' : 'Noted', message: `${result.reference}: ${OUTCOME[result.outcome] ?? result.outcome}.` });
  }

  private check(token: string) {
    const secret = this.options.acknowledgeLinks?.secret;
    if (!secret) return { ok: false as const, reason: 'off' as const };
    return verifyAcknowledgeLink(token, secret, new Date());
  }
}

const OUTCOME: Record<string, string> = {
  acknowledged: 'acknowledged; escalation has stopped',
  'already-acknowledged': 'someone had already acknowledged it',
  'already-resolved': 'it is already over',
  'acknowledged-earlier-life': 'this link is from before it was reopened; acknowledge on the console',
  'no-escalation': 'acknowledgement recorded',
};
