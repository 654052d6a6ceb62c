// @vitest-environment jsdom
/**
 * The home page of an empty database (issue 19, item 6): the first steps (try the demo, import a
 * roster, add an enterprise), each with its action, in both languages; no figures or charts.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Language } from '@shared/domain/records';
import type { PlannerDatabase } from '@renderer/db';
import { createI18n } from '@renderer/i18n';
import { HomePage } from '@renderer/features/home/HomePage';
import { render } from '@tests/renderer/render';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('王调度');
});
afterEach(() => db.close());

describe.each<Language>(['zh-CN', 'en'])('the home page of an empty database (%s)', (language) => {
  const t = createI18n(language).t;

  it('shows the three first steps with their actions, and no figures', async () => {
    render(<HomePage />, { language, dataRouter: true });
    const steps = await screen.findByTestId('first-steps');
    for (const title of ['home.firstSteps.demo', 'home.firstSteps.import', 'home.firstSteps.enterprise']) {
      expect(within(steps).getByRole('heading', { name: t(title) })).toBeTruthy();
    }
    expect(within(steps).getByRole('button', { name: t('home.loadDemo') })).toBeTruthy();
    expect(
      within(steps)
        .getByRole('link', { name: t('home.firstSteps.importAction') })
        .getAttribute('href'),
    ).toBe('/workers/import');
    expect(screen.queryByTestId('key-figures')).toBeNull();

    fireEvent.click(within(steps).getByRole('button', { name: t('home.firstSteps.enterpriseAction') }));
    const form = await screen.findByRole('dialog');
    expect(within(form).getByLabelText(t('enterprises.fields.name'), { exact: false })).toBeTruthy();
  });
});
