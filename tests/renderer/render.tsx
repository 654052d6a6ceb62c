/**
 * Renders a component, or runs a hook, as the app does: inside Mantine (with its notifications),
 * the app's i18n in the language a test names, and a router. After mantinedev/vite-template's
 * test-utils/render.tsx. Only for files that run in jsdom (`// @vitest-environment jsdom`).
 */
import type { ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render as renderInDom, renderHook as renderHookInDom } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import type { Language } from '@shared/domain/records';
import { theme } from '@renderer/app/theme';
import { createI18n } from '@renderer/i18n';

export interface RenderOptions {
  /** The language the user reads; Chinese, the app's default, when absent. */
  language?: Language;
  /** The address the app is at, such as `/batches/b1?tab=passengers`; `/` when absent. */
  path?: string;
}

function providers(language: Language, path = '/') {
  const i18n = createI18n(language);
  return function Providers({ children }: { children: ReactNode }) {
    return (
      <MantineProvider theme={theme}>
        <I18nextProvider i18n={i18n}>
          <Notifications />
          <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>
        </I18nextProvider>
      </MantineProvider>
    );
  };
}

export function render(ui: ReactNode, options: RenderOptions = {}) {
  return renderInDom(ui, { wrapper: providers(options.language ?? 'zh-CN', options.path) });
}

export function renderHook<Result>(hook: () => Result, options: RenderOptions = {}) {
  return renderHookInDom(hook, { wrapper: providers(options.language ?? 'zh-CN', options.path) });
}
