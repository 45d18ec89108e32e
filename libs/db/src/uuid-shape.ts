const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a route's id can be a uuid key at all: anything else is simply not found, never the
 * database error Postgres raises for a malformed uuid.
 */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
