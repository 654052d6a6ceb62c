/**
 * Renders a component, or runs a hook, as the app does: inside Mantine (with its notifications),
 * the app's i18n in the language a test names, and a router. After mantinedev/vite-template's
 * test-utils/render.tsx. Only for files that run in jsdom (`// @vitest-environment jsdom`).
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render as renderInDom, renderHook as renderHookInDom } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, MemoryRouter, RouterProvider } from 'react-router-dom';
import { ModalsProvider } from '@mantine/modals';
import type { Language } from '@shared/domain/records';
import { theme } from '@renderer/app/theme';
import { createI18n } from '@renderer/i18n';
import { DatesLanguage } from '@renderer/components/DateField';

export interface RenderOptions {
  /** The language the user reads; Chinese, the app's default, when absent. */
  language?: Language;
  /** The address the router starts at (with a `<Routes>` in the ui for a page that reads its params). Default `/`. */
  route?: string;
  /**
   * A data router, as the app's, for a page that asks before it is left (useBlocker), with Mantine's
   * modals. Default: a plain memory router.
   */
  dataRouter?: boolean;
}

/** The ui under test, handed to the router's one route: a rerender shows the new ui without a new router. */
const Ui = createContext<ReactNode>(null);
function CurrentUi() {
  return <>{useContext(Ui)}</>;
}

function DataRouter({ route, children }: { route: string; children: ReactNode }) {
  const [router] = useState(() =>
    createMemoryRouter([{ path: '*', element: <CurrentUi /> }], { initialEntries: [route] }),
  );
  return (
    <ModalsProvider>
      <Ui.Provider value={children}>
        <RouterProvider router={router} />
      </Ui.Provider>
    </ModalsProvider>
  );
}

function providers(language: Language, route = '/', dataRouter = false) {
  const i18n = createI18n(language);
  return function Providers({ children }: { children: ReactNode }) {
    return (
      <MantineProvider theme={theme}>
        <I18nextProvider i18n={i18n}>
          <DatesLanguage>
            <Notifications />
            {dataRouter ? (
              <DataRouter route={route}>{children}</DataRouter>
            ) : (
              <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
            )}
          </DatesLanguage>
        </I18nextProvider>
      </MantineProvider>
    );
  };
}

export function render(ui: ReactNode, options: RenderOptions = {}) {
  return renderInDom(ui, { wrapper: providers(options.language ?? 'zh-CN', options.route, options.dataRouter) });
}

export function renderHook<Result>(hook: () => Result, options: RenderOptions = {}) {
  return renderHookInDom(hook, { wrapper: providers(options.language ?? 'zh-CN') });
}
