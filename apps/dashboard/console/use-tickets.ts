import { useEffect, useRef, useState } from 'preact/hooks';
import type { SnapshotRequiredNotice } from '@vigil/contracts';
import { SignedOutError } from './api-client';
import type { FeedStatus } from './live-feed';
import { TicketApi } from './ticket-api';
import { TicketFeed } from './ticket-feed';
import { HeldTicket, TicketStore } from './ticket-store';

/** The live ticket board: the store, fed by the ticket feed (or a snapshot when the feed cannot replay), and a way to keep a REST answer. */
export function useTickets(token: string | null, api: TicketApi | null, on: { status: (s: FeedStatus) => void; signedOut: (reason: string) => void; arrived?: (t: HeldTicket) => void }) {
  const store = useRef(new TicketStore()).current;
  const [revision, setRevision] = useState(0);
  const feed = useRef<TicketFeed | null>(null);

  useEffect(() => {
    if (!token || !api) return;
    let snapshotArrivals: Set<string> | null = null;
    const reloadSnapshot = async (required: SnapshotRequiredNotice) => {
      snapshotArrivals = new Set();
      try {
        store.replaceWithSnapshot(await api.openBoard(), snapshotArrivals);
        setRevision(store.revision);
        feed.current?.resume(required.resumeFrom);
      } catch (error) {
        if (!(error instanceof SignedOutError)) feed.current?.retryLater();
      } finally {
        snapshotArrivals = null;
      }
    };
    feed.current = new TicketFeed(token, {
      ticket: (ticket) => {
        if (!store.upsert(ticket)) return;
        snapshotArrivals?.add(ticket.ticketId);
        on.arrived?.(ticket);
        setRevision(store.revision);
      },
      camera: (camera) => store.upsertCamera(camera) && setRevision(store.revision),
      snapshotRequired: (notice) => void reloadSnapshot(notice),
      status: on.status,
      signedOut: on.signedOut,
    });
    return () => feed.current?.stop();
  }, [token]);

  const keep = (ticket: HeldTicket) => store.upsert(ticket) && setRevision(store.revision);
  return { store, revision, keep };
}
