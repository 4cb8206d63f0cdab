/**
 * The list with the item in it or not, as a checkbox says (`on` is its `checked`): the same answer however often it is
 * asked, so a change replayed (early-input.ts) or reported twice leaves no duplicate and does not flip back.
 */
export function setMember<T>(list: readonly T[], item: T, on: boolean): T[] {
  if (on) return list.includes(item) ? [...list] : [...list, item];
  return list.filter((x) => x !== item);
}
