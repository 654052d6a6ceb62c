// @vitest-environment jsdom
/**
 * The dashboard's filter on the home page (issue 19, item 3): a county, a township of it, an
 * enterprise or a scheme changes what the key figures count, and each figure leads to the list
 * behind it under the same filter. The figures come from the pure dashboard on the hand-made office
 * (the Web Worker is the e2e test's).
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { dashboard, type DashboardFilter } from '@shared/dashboard';
import { dashboardFilterOptions } from '@shared/dashboard/drill-rows';
import { KeyFiguresPanel } from '@renderer/features/home/KeyFigures';
import { render } from '@tests/renderer/render';
import { NOW, handMadeOffice } from '@tests/shared/dashboard/fixture';

const SOURCE = handMadeOffice();
const OPTIONS = dashboardFilterOptions(SOURCE);
/** What the hook was last asked for. */
let asked: DashboardFilter | null = null;
function useFigures(filter: DashboardFilter | null) {
  asked = filter;
  return filter ? { result: dashboard(SOURCE, filter, NOW), filter, options: OPTIONS } : { options: OPTIONS };
}

const YEAR_2026 = '/?period=custom&from=2026-01-01&to=2026-12-31';

/** Opens a Mantine Select and clicks the option named `option`. */
async function choose(field: HTMLElement, option: string) {
  fireEvent.click(field);
  const listbox = await waitFor(
    () => {
      const found = document.getElementById(field.getAttribute('aria-controls') ?? '');
      if (!found) throw new Error('the list of options is not open');
      return found;
    },
    { timeout: 10_000 },
  );
  fireEvent.click(await within(listbox).findByRole('option', { name: option, hidden: true }, { timeout: 10_000 }));
}

const optionsOf = async (field: HTMLElement) => {
  fireEvent.click(field);
  const listbox = await waitFor(() => {
    const found = document.getElementById(field.getAttribute('aria-controls') ?? '');
    if (!found) throw new Error('the list of options is not open');
    return found;
  });
  return within(listbox)
    .getAllByRole('option', { hidden: true })
    .map((option) => option.textContent);
};

const field = (name: string) => screen.getByRole('combobox', { name });
const peopleSent = () => screen.getByTestId('people-sent-count');
const query = (link: HTMLElement) => Object.fromEntries(new URLSearchParams(link.getAttribute('href')?.split('?')[1]));

describe('the dashboard filter on the home page', () => {
  it(
    'counts the people of a county, then of a township of it, and every figure links to its list under the filter',
    { timeout: 30_000 },
    async () => {
      render(<KeyFiguresPanel useFigures={useFigures} />, { route: YEAR_2026 });
      expect(peopleSent().textContent).toBe('5');
      const township = field('乡镇');
      expect(township.hasAttribute('disabled')).toBe(true);

      await choose(field('县（区）'), '德保县');
      await waitFor(() => expect(peopleSent().textContent).toBe('2'));
      expect(asked).toMatchObject({ from: '2026-01-01', to: '2026-12-31', countyCode: '451024' });
      expect(query(peopleSent())).toEqual({ from: '2026-01-01', to: '2026-12-31', county: '451024' });
      expect(peopleSent().getAttribute('href')?.startsWith('/dashboard/people?')).toBe(true);
      // Only the townships of the county chosen.
      expect(await optionsOf(field('乡镇'))).toEqual(['城关镇']);

      await choose(field('县（区）'), '田东县');
      await waitFor(() => expect(peopleSent().textContent).toBe('3'));
      await choose(field('乡镇'), '平马镇');
      await waitFor(() => expect(peopleSent().textContent).toBe('1'));
      expect(asked).toMatchObject({ countyCode: '451022', township: '平马镇' });
      expect(query(screen.getByTestId('handed-over-link'))).toMatchObject({
        county: '451022',
        township: '平马镇',
        step: 'handedOver',
      });
    },
  );

  it('counts the trips to an enterprise, and the people with a claim under a scheme', { timeout: 30_000 }, async () => {
    render(<KeyFiguresPanel useFigures={useFigures} />, { route: YEAR_2026 });
    await choose(field('接收企业'), '广州电子厂');
    // w1 and w2 handed over to it; w5 not handed over, its worker's enterprise.
    await waitFor(() => expect(peopleSent().textContent).toBe('3'));
    await choose(field('补贴项目'), '交通补贴');
    // Of them, only w5 has a claim under 交通补贴.
    await waitFor(() => expect(peopleSent().textContent).toBe('1'));
    expect(asked).toMatchObject({ enterpriseId: 'e1', schemeId: 's2' });
    expect(query(peopleSent())).toMatchObject({ enterprise: 'e1', scheme: 's2' });
  });

  it('leads from each key figure to the list behind it', () => {
    render(<KeyFiguresPanel useFigures={useFigures} />, { route: YEAR_2026 });
    const period = { from: '2026-01-01', to: '2026-12-31' };
    expect(query(peopleSent())).toEqual(period);
    expect(query(screen.getByTestId('registered-poor-link'))).toEqual({ ...period, poor: '1' });
    expect(query(screen.getByTestId('batches-departed-link'))).toEqual({ ...period, kind: 'departed' });
    expect(screen.getByTestId('batches-departed-link').textContent).toBe('已发车 2');
    expect(query(screen.getByTestId('batches-planned-link'))).toEqual({ ...period, kind: 'planned' });
    expect(query(screen.getByTestId('handed-over-link'))).toEqual({ ...period, step: 'handedOver' });
    expect(query(screen.getByTestId('in-post-90-link'))).toEqual({ ...period, step: 'inPost90' });
    expect(screen.getByTestId('in-post-90-link').textContent).toBe('2');
    expect(screen.getByTestId('batches-planned-link').getAttribute('href')?.startsWith('/dashboard/batches?')).toBe(
      true,
    );
    expect(query(screen.getByTestId('overdue-link'))).toEqual(period);
    expect(screen.getByTestId('overdue-link').getAttribute('href')?.startsWith('/dashboard/contacts?')).toBe(true);
    expect(query(screen.getByTestId('subsidies-owed'))).toEqual({ ...period, bucket: 'owed' });
    expect(screen.getByTestId('subsidies-paid').getAttribute('href')?.startsWith('/dashboard/claims?')).toBe(true);
    expect(screen.getByTestId('overdue-desk-link').getAttribute('href')).toBe('/followup');
    expect(screen.getByTestId('subsidy-report-link').getAttribute('href')).toBe('/subsidies/report');
  });

  it('keeps the filter of an address it is opened on, and is labelled in English', () => {
    render(<KeyFiguresPanel useFigures={useFigures} />, {
      route: `${YEAR_2026}&county=451022&township=祥周镇`,
      language: 'en',
    });
    expect(peopleSent().textContent).toBe('2');
    expect((field('County') as HTMLInputElement).value).toBe('田东县');
    expect((field('Township') as HTMLInputElement).value).toBe('祥周镇');
    expect(screen.getByTestId('batches-departed-link').textContent).toBe('1 departed');
  });
});
