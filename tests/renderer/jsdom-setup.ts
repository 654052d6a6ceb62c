/**
 * What Mantine needs from a browser that jsdom does not have, for the component tests (files that
 * say `// @vitest-environment jsdom`); the other tests run in Node and skip all of it. After
 * mantinedev/vite-template's vitest.setup.mjs.
 */
import { afterEach } from 'vitest';

if (typeof window !== 'undefined') {
  // Loaded here only: the Node tests need none of it, and each of their files would pay for it.
  const { cleanup, configure } = await import('@testing-library/react');
  // Without vitest's globals, Testing Library cannot unmount each test's render by itself.
  afterEach(cleanup);
  // Pages read the database before they draw: on a machine shared by many runs that can take more
  // than the library's one second, so finders and waitFor wait up to ten (a failure only comes later).
  configure({ asyncUtilTimeout: 10_000 });

  // jsdom's getComputedStyle throws on the pseudo-element argument that Mantine's scroll areas pass.
  const computedStyle = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Element) => computedStyle(element);

  window.HTMLElement.prototype.scrollIntoView = () => undefined;

  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    // Mantine listens with addEventListener; the deprecated addListener pair is left out.
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });

  // Mantine's autosizing Textarea listens for fonts loading; jsdom has no document.fonts.
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', {
      value: { addEventListener: () => undefined, removeEventListener: () => undefined },
    });
  }

  window.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
