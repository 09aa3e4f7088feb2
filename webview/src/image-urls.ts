// The preview loads images only over https and from data:image URLs (its Content-Security-Policy allows nothing
// else either). Other image URLs are taken out of the card before it is rendered, so no element ever points at them,
// and the pane lists what it left out. Pure: works on the card JSON.
import { isJsonObject, type JsonObject } from './card-source';

const SHOWN_IMAGE_URL = /^(https:|data:image\/)/i;

export interface ImageFilterResult {
  readonly card: JsonObject;
  /** The image URLs that were taken out, in document order. */
  readonly dropped: readonly string[];
}

/** Where an object holds an image URL: an element or image of type Image (`url`), any `iconUrl`, `backgroundImage`, `poster`. */
function imageUrlKeys(object: JsonObject, inImageList: boolean): readonly string[] {
  const keys = ['iconUrl', 'poster'];
  if (object['type'] === 'Image' || (inImageList && object['type'] === undefined)) keys.push('url');
  return keys;
}

/** A copy of `card` without image URLs the preview does not load. */
export function withShownImagesOnly(card: JsonObject): ImageFilterResult {
  const dropped: string[] = [];
  const keep = (url: unknown): boolean => {
    if (typeof url !== 'string' || url === '' || SHOWN_IMAGE_URL.test(url.trim())) return true;
    dropped.push(url);
    return false;
  };
  // Recursion is bounded: every card text the preview reads is refused beyond MAX_NESTING_DEPTH levels.
  const copy = (value: unknown, inImageList: boolean): unknown => {
    if (Array.isArray(value)) return value.map((item) => copy(item, inImageList));
    if (!isJsonObject(value)) return value;
    const result: JsonObject = {};
    const urlKeys = imageUrlKeys(value, inImageList);
    for (const [key, item] of Object.entries(value)) {
      if (urlKeys.includes(key) && !keep(item)) continue;
      if (key === 'backgroundImage' && typeof item === 'string' && !keep(item)) continue;
      if (key === 'backgroundImage' && isJsonObject(item) && !keep(item['url'])) continue;
      result[key] = copy(item, key === 'images');
    }
    return result;
  };
  return { card: copy(card, false) as JsonObject, dropped };
}
