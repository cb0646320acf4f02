/**
 * The slice of the DOM the HTML importer uses, typed here so the core compiles without the browser's
 * DOM library (the core runs in Node; linkedom provides these objects at run time).
 */
export interface DomNode {
  readonly nodeType: number
  readonly nodeName: string
  readonly textContent: string | null
  readonly nodeValue: string | null
  readonly parentNode: DomNode | null
  readonly parentElement: DomElement | null
  readonly firstChild: DomNode | null
  readonly nextSibling: DomNode | null
  readonly childNodes: ArrayLike<DomNode>
}

export interface DomElement extends DomNode {
  readonly tagName: string
  readonly id: string
  readonly className: string
  readonly children: ArrayLike<DomElement>
  innerHTML: string
  getAttribute(name: string): string | null
  hasAttribute(name: string): boolean
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  closest(selector: string): DomElement | null
  remove(): void
}

export interface DomDocument extends DomNode {
  readonly body: DomElement | null
  readonly documentElement: DomElement | null
  readonly title: string
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
}
