// docs/rules.md § "Images, layout values and text": image URLs, Image and Column sizes, text markup (AM070–AM075).
import { describeValue, type JsonNode, propertyValue } from '../../card';
import { reportSubstring, type AdaptiveRule, type RuleContext } from '../context';
import { isHttpUrlWithHost, isParsableUrl, UNPARSABLE_URL_HINT, urlScheme } from '../urls';
import { findHtmlTag, findMarkdownImage } from './text-markup';

const PIXELS = /^[0-9]+px$/;
const COLOR = /^#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$/;
const COLUMN_WIDTH = /^[0-9]+(px|\*)?$/;

function present(node: JsonNode | undefined): node is JsonNode {
  return node !== undefined && node.type !== 'null';
}

/** Why `value` cannot be an image source (AM070), or undefined when it can. */
function imageUrlProblem(value: JsonNode): string | undefined {
  if (value.type !== 'string') return `must be a URL string, not ${describeValue(value)}`;
  const url = value.value as string;
  if (url.trim() === '') return 'is empty: set it to the absolute https:// URL of the image';
  const scheme = urlScheme(url);
  if (scheme === undefined) return 'is relative, and an email has no base URL: use an absolute https:// URL';
  if (scheme === 'http' || scheme === 'https') {
    if (!isHttpUrlWithHost(url)) return `has no host: write it as ${scheme}://host/path`;
    return isParsableUrl(url) ? undefined : `cannot be loaded: ${UNPARSABLE_URL_HINT}`;
  }
  if (scheme === 'data') return /^\s*data:image\//i.test(url) ? undefined : 'is a data: URI that is not an image: only data:image/… URIs can be shown';
  return `uses the scheme "${scheme}:", which cannot load an image: use an https:// URL or a data:image/… URI`;
}

function checkImageUrl(ctx: RuleContext, value: JsonNode, what: string): void {
  const problem = imageUrlProblem(value);
  if (problem !== undefined) ctx.report('AM070', value, `${what} ${problem}.`);
}

/** `backgroundImage` is a URL string or a BackgroundImage object with `url`. */
function checkBackgroundImage(ctx: RuleContext, owner: JsonNode): void {
  const background = propertyValue(owner, 'backgroundImage');
  if (!present(background)) return;
  if (background.type !== 'object') {
    checkImageUrl(ctx, background, '"backgroundImage"');
    return;
  }
  const url = propertyValue(background, 'url');
  if (present(url)) checkImageUrl(ctx, url, '"backgroundImage.url"');
  else ctx.report('AM070', background, '"backgroundImage" needs a "url": the absolute https:// URL of the image.');
}

const checkImageUrls: AdaptiveRule = (model, ctx) => {
  const { cards, elements, actions } = model;
  for (let index = 0; index < cards.length; index++) checkBackgroundImage(ctx, cards[index]!.node);
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index]!;
    if (!element.known) continue;
    if (element.type === 'Image') {
      const url = propertyValue(element.node, 'url');
      if (present(url)) checkImageUrl(ctx, url, 'Image "url"');
    } else if (element.type === 'Container' || element.type === 'Column') {
      checkBackgroundImage(ctx, element.node);
    }
  }
  for (let index = 0; index < actions.length; index++) {
    const iconUrl = propertyValue(actions[index]!.node, 'iconUrl');
    if (present(iconUrl)) checkImageUrl(ctx, iconUrl, '"iconUrl"');
  }
};

function isStringMatching(node: JsonNode, pattern: RegExp): boolean {
  return node.type === 'string' && pattern.test(node.value as string);
}

const checkImageStyle: AdaptiveRule = (model, ctx) => {
  const { elements } = model;
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index]!;
    if (!element.known || element.type !== 'Image') continue;
    const width = propertyValue(element.node, 'width');
    if (present(width) && !isStringMatching(width, PIXELS)) {
      ctx.report('AM071', width, `Image "width" must be "<integer>px", e.g. "40px", not ${describeValue(width)} (use "size" for small/medium/large).`);
    }
    const height = propertyValue(element.node, 'height');
    if (present(height) && !isStringMatching(height, PIXELS) && !isStringMatching(height, /^(auto|stretch)$/i)) {
      ctx.report('AM071', height, `Image "height" must be "<integer>px" (e.g. "40px"), "auto" or "stretch", not ${describeValue(height)}.`);
    }
    const color = propertyValue(element.node, 'backgroundColor');
    if (present(color) && !isStringMatching(color, COLOR)) {
      ctx.report('AM072', color, `Image "backgroundColor" must be "#RRGGBB" (or "#AARRGGBB"), e.g. "#DDDDDD", not ${describeValue(color)}.`);
    }
  }
};

const checkColumnWidths: AdaptiveRule = (model, ctx) => {
  const { elements } = model;
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index]!;
    if (!element.known || element.kind !== 'column') continue;
    const width = propertyValue(element.node, 'width');
    if (!present(width)) continue;
    const valid = width.type === 'number' ? (width.value as number) >= 0
      : isStringMatching(width, /^(auto|stretch)$/i) || isStringMatching(width, COLUMN_WIDTH);
    if (!valid) {
      ctx.report('AM073', width, `Column "width" must be "auto", "stretch", a weight such as 2 or "2*", or pixels such as "50px", not ${describeValue(width)}; Outlook falls back to "auto".`);
    }
  }
};

const checkTextMarkup: AdaptiveRule = (model, ctx) => {
  const { elements } = model;
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index]!;
    if (!element.known || element.type !== 'TextBlock') continue;
    const text = propertyValue(element.node, 'text');
    if (text?.type !== 'string') continue;
    const value = text.value as string;
    const tag = findHtmlTag(value);
    if (tag) {
      reportSubstring(ctx, 'AM074', text, tag.index, tag.text.length,
        `${tag.text} is HTML, which Outlook shows as plain text: use Markdown instead (**bold**, *italic*, [link](https://…)).`);
    }
    const image = findMarkdownImage(value);
    if (image) {
      reportSubstring(ctx, 'AM075', text, image.index, image.text.length,
        'Markdown images are not in Outlook\'s Markdown subset and show as text: use an Image element instead.');
    }
  }
};

export const mediaTextRules: readonly AdaptiveRule[] = [checkImageUrls, checkImageStyle, checkColumnWidths, checkTextMarkup];
