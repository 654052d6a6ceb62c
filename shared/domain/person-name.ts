/**
 * Minority names are written with a middle dot between their parts (阿依古丽·买买提), and rosters
 * type that dot as •, ・, ．, 。 or a plain full stop (docs/domain.md#resident-ids). All of them
 * mean U+00B7, so that a name typed either way is the same name in search and comparison.
 */

export const NAME_DOT = '\u00b7';

// • U+2022, ‧ U+2027, ∙ U+2219, ⋅ U+22C5, 。 U+3002, ・ U+30FB, ． U+FF0E, ･ U+FF65, and the ASCII full
// stop that toHalfWidth makes of ．.
export const NAME_DOT_VARIANTS = /[\u2022\u2027\u2219\u22c5\u3002\u30fb\uff0e\uff65.]/g;

/** Replaces every way of typing the middle dot of a minority name with U+00B7. */
export function foldNameDots(name: string): string {
  return name.replace(NAME_DOT_VARIANTS, NAME_DOT);
}

/** True when the name has a middle dot (in any of its typed forms): a transcribed minority name. */
export function hasNameDot(name: string): boolean {
  return foldNameDots(name).includes(NAME_DOT);
}
