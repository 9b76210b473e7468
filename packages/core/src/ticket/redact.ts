/**
 * What the public sees of a ticket's free text and place (the Open311 list, and a resident
 * opening someone else's ticket): pure; Open311 takes it from here.
 */

/** How precisely the public list places a ticket: 3 decimals of a degree, about 100 m. */
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

export const roundTo = (value: number) => Math.round(value * 10 ** PublicCoordinateDecimals) / 10 ** PublicCoordinateDecimals;
