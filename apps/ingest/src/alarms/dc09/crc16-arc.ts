/** CRC-16/ARC (reflected polynomial 0xA001, initial value 0), the checksum DC-09 puts in every frame. */
export function crc16Arc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
    }
  }
  return crc;
}

/** Four upper-case hex digits, as DC-09 writes both the CRC and the length field. */
export function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}
