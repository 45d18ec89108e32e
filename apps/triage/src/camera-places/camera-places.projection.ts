import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decideVersion, passesOn, VersionDecision } from '@vigil/bus';
import { Camera } from '@vigil/contracts';
import { decisions } from '@vigil/observability';
import { CameraPlace, cameraKey, CameraPlaces, placeOfRegisterEntry } from '../domain/camera-place';
import { TRIAGE_SCHEMA } from '../triage.schema';

interface CameraPlaceRow {
  camera_id: string;
  version: number;
  partner_id: string | null;
  client_name: string | null;
  town: string;
  lat: number;
  lon: number;
  status: Camera['status'];
}

/**
 * Triage's projection of faults' camera register: the newest place of every camera, in memory for
 * locating calls and in the camera_place table so it outlives the process. At start-up (before the
 * consumers run) the map is loaded from the table; then this replica's own consumer of
 * CAMERA_REGISTER (see cameraPlacesConsumerOf) hands it every camera's latest entry and each change
 * after. An entry is taken only when its version is newer than the one held (decideVersion): a
 * redelivery, a replay after a restart, or an older version overtaken by a newer one changes
 * nothing, in memory or in the table, whichever replica writes first.
 */
@Injectable()
export class CameraPlacesProjection implements OnApplicationBootstrap {
  private readonly logger = new Logger('CameraPlaces');
  private readonly places = new Map<string, CameraPlace>();

  constructor(@InjectDataSource(TRIAGE_SCHEMA) private readonly dataSource: DataSource) {}

  /** Every camera's place as known now; read per batch of calls, so a later change applies to later calls. */
  current(): CameraPlaces {
    return this.places;
  }

  async onApplicationBootstrap(): Promise<void> {
    const rows: CameraPlaceRow[] = await this.dataSource.query(
      `SELECT "camera_id", "version", "partner_id", "client_name", "town", "lat", "lon", "status" FROM "triage"."camera_place"`,
    );
    for (const row of rows) this.hold(placeOfRow(row));
    this.logger.log({ msg: 'camera places loaded', cameras: rows.length });
  }

  /**
   * Takes register entries: the newer ones are upserted (one statement, guarded by version in SQL
   * too, since other replicas write the same rows) and then held in memory. Returns each entry's
   * decision, in order; throws when the table cannot be written, so the entries are redelivered.
   */
  async take(entries: readonly Camera[], now = new Date()): Promise<VersionDecision[]> {
    const newest = new Map<string, Camera>();
    const decided = entries.map((entry) => {
      const key = cameraKey(entry.cameraId);
      const decision = decideVersion(newest.get(key)?.version ?? this.places.get(key)?.version, entry.version);
      if (passesOn(decision)) newest.set(key, entry);
      return decision;
    });
    if (newest.size > 0) await this.upsert([...newest.values()], now);
    for (const entry of newest.values()) this.hold(placeOfRegisterEntry(entry));
    for (const decision of decided) decisions.inc({ app: 'triage', decision: 'camera-place', reason: decision });
    return decided;
  }

  /** Holds a place unless a newer version is already held (batches of one replica may overlap). */
  private hold(place: CameraPlace): void {
    const key = cameraKey(place.cameraId);
    const held = this.places.get(key);
    if (!held || place.version > held.version) this.places.set(key, place);
  }

  private async upsert(entries: readonly Camera[], now: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "triage"."camera_place" ("camera_id", "version", "partner_id", "client_name", "town", "lat", "lon", "status", "registered_at", "projected_at")
       SELECT e.*, $10::timestamptz FROM unnest($1::text[], $2::integer[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::text[], $9::timestamptz[]) AS e
       ON CONFLICT ("camera_id") DO UPDATE SET
         "version" = excluded."version", "partner_id" = excluded."partner_id", "client_name" = excluded."client_name", "town" = excluded."town",
         "lat" = excluded."lat", "lon" = excluded."lon", "status" = excluded."status", "registered_at" = excluded."registered_at", "projected_at" = excluded."projected_at"
       WHERE "camera_place"."version" < excluded."version"`,
      [
        entries.map((e) => e.cameraId),
        entries.map((e) => e.version),
        entries.map((e) => e.partnerId),
        entries.map((e) => e.clientName),
        entries.map((e) => e.town),
        entries.map((e) => e.lat),
        entries.map((e) => e.lon),
        entries.map((e) => e.status),
        entries.map((e) => e.updatedAt),
        now,
      ],
    );
  }
}

function placeOfRow(row: CameraPlaceRow): CameraPlace {
  return {
    cameraId: row.camera_id,
    town: row.town,
    partnerId: row.partner_id,
    clientName: row.client_name,
    point: { lat: row.lat, lon: row.lon },
    status: row.status,
    version: row.version,
  };
}
