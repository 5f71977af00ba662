/**
 * How large a pair file and an inventory may be, in one place for the loader, the app's API and
 * the editor. A real pair file is a few kilobytes and nests fewer than ten levels; anything far
 * outside that is the wrong file.
 */

/** Bytes on disk, characters in the editor. */
export const MAX_PAIR_FILE_BYTES = 1_000_000;
/** An inventory CSV, one row per site: some thousands of sites. */
export const MAX_INVENTORY_BYTES = 5_000_000;
/** Mappings and lists inside each other; the deepest real pair path is about six. */
export const MAX_PAIR_NESTING = 64;
