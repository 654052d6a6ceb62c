/**
 * What every Mantine NumberInput of a form spreads, so that the number typed is the number checked
 * (issue 16, item 7): out of range or not whole, the field's rule says so beside it
 * (shared/domain/field-bounds.ts), and nothing is changed behind the user's back.
 *
 * - `clampBehavior: 'none'`: Mantine's default moves a value into `min`–`max` when the field is
 *   left, so a headcount of −5 was stored as 1 without a word. `min` and `max` still bound the
 *   arrows.
 * - decimals always allowed, never `allowDecimal={false}`: that sets react-number-format's
 *   `decimalScale` to 0, which drops the decimal point as it is typed, so "2.5" seats became 25
 *   (and a pasted "2.5" 2). A fraction stays visible and the whole-number rule refuses it.
 * - the decimal point as Chinese input methods type it (。 and the full-width ．) is read as one,
 *   so "2。5" is 2.5, not 25; a comma is never one, so a pasted "1,000" stays 1000, not 1.
 */
import type { NumberInputProps } from '@mantine/core';

export const EXACT_NUMBER: Readonly<
  Pick<NumberInputProps, 'clampBehavior' | 'allowDecimal' | 'allowedDecimalSeparators'>
> = {
  clampBehavior: 'none',
  allowDecimal: true,
  allowedDecimalSeparators: ['.', '。', '．'],
};
