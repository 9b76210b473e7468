/**
 * What anyone but a ticket's reporter may see of it (the public view): the Open311 list, the
 * "already reported nearby?" list and a resident opening someone else's ticket share these rules.
 * Pure: no storage, no actor.
 */

/** How precisely the public view places a ticket: 3 decimals of a degree, about 100 m. */
export const PublicCoordinateDecimals = 3;

/** Mainland mobile numbers, landlines and resident ID numbers (18 or 15 characters) in free text. */
const PersonalNumbers = [
  /(?<![0-9])\d{17}[0-9Xx](?![0-9A-Za-z])/g,
  /(?<![0-9])\d{15}(?![0-9])/g,
  /(?<![0-9])1[3-9]\d{9}(?![0-9])/g,
  /(?<![0-9])0\d{2,3}-?\d{7,8}(?![0-9])/g,
];

/** Free text as the public sees it: phone and ID numbers typed into it are hidden. */
export function redact(text: string): string {
  return PersonalNumbers.reduce((out, pattern) => out.replace(pattern, (found) => "*".repeat(found.length)), text);
}

/** A coordinate as the public sees it: rounded to about 100 m. */
export const roundCoordinate = (value: number) => Math.round(value * 10 ** PublicCoordinateDecimals) / 10 ** PublicCoordinateDecimals;

/** A ticket's free text and place as the public sees them: numbers hidden, the place rounded. */
export function publicFields(ticket: { description: string; address?: string | null; lon: number; lat: number }) {
  return {
    description: redact(ticket.description),
    address: ticket.address ? redact(ticket.address) : null,
    lon: roundCoordinate(ticket.lon),
    lat: roundCoordinate(ticket.lat),
  };
}
