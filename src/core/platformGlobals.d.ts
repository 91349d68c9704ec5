// The few web-platform globals core uses, which every runtime it runs in has (page, worker, Node):
// declared here, for tsconfig.core.json only, so core type-checks without the DOM lib (issue 11).
// Page and worker code see the full declarations of their own lib; this file is excluded there.
// Add a member here only when core needs it, and only one every such runtime provides.

declare class URL {
  constructor(url: string, base?: string);
  readonly origin: string;
  protocol: string;
  username: string;
  password: string;
  host: string;
  hostname: string;
  port: string;
  pathname: string;
  search: string;
  hash: string;
  href: string;
  toString(): string;
}

declare class URLSearchParams {
  constructor(init?: string | Record<string, string>);
  get(name: string): string | null;
  has(name: string): boolean;
  set(name: string, value: string): void;
  toString(): string;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}

declare function atob(data: string): string;
declare function btoa(data: string): string;
declare function structuredClone<T>(value: T): T;
