// Builds the pane's elements. Card content reaches the DOM only as text nodes and attribute values set through DOM
// APIs; nothing here parses HTML.

export interface ElementOptions {
  readonly className?: string;
  readonly attributes?: Readonly<Record<string, string>>;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K, options: ElementOptions = {}, ...children: readonly (Node | string)[]
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (options.className) created.className = options.className;
  for (const [name, value] of Object.entries(options.attributes ?? {})) created.setAttribute(name, value);
  created.append(...children);
  return created;
}

/** A button of the pane (not of the card), styled as VS Code's. */
export function button(label: string, className: string, onClick: () => void): HTMLButtonElement {
  const created = element('button', { className: `pane-button ${className}`, attributes: { type: 'button' } }, label);
  created.addEventListener('click', onClick);
  return created;
}
