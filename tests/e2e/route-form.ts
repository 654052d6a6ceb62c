/** Filling the route form, for the end-to-end tests of routes and of batches. */
import type { Locator, Page } from 'playwright-core';

export interface LegValues {
  mode?: string;
  from?: string;
  to?: string;
  departure?: string;
  departureDay?: string;
  arrival?: string;
  arrivalDay?: string;
  distance?: string;
  stops?: string;
}

/** The labels of the leg fields in one language. */
export interface LegLabels {
  from: string;
  to: string;
  departure: string;
  departureDay: string;
  arrival: string;
  arrivalDay: string;
  distance: string;
  stops: string;
}

export const ZH: LegLabels = {
  from: '出发地',
  to: '目的地',
  departure: '出发时间',
  departureDay: '出发日',
  arrival: '到达时间',
  arrivalDay: '到达日',
  distance: '里程（公里）',
  stops: '经停站',
};

export const EN: LegLabels = {
  from: 'From',
  to: 'To',
  departure: 'Departure time',
  departureDay: 'Departure day',
  arrival: 'Arrival time',
  arrivalDay: 'Arrival day',
  distance: 'Distance (km)',
  stops: 'Stops',
};

/** A field by the start of its label: the label text of a required field ends in an asterisk. */
export function field(scope: Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${label.replace(/[()]/g, '\\$&')}`));
}

export async function fillLeg(leg: Locator, labels: LegLabels, values: LegValues): Promise<void> {
  if (values.mode !== undefined) await leg.getByText(values.mode, { exact: true }).click();
  if (values.from !== undefined) await field(leg, labels.from).fill(values.from);
  if (values.to !== undefined) await field(leg, labels.to).fill(values.to);
  if (values.departure !== undefined) await field(leg, labels.departure).fill(values.departure);
  if (values.departureDay !== undefined) {
    await field(leg, labels.departureDay).selectOption({ label: values.departureDay });
  }
  if (values.arrival !== undefined) await field(leg, labels.arrival).fill(values.arrival);
  if (values.arrivalDay !== undefined) {
    await field(leg, labels.arrivalDay).selectOption({ label: values.arrivalDay });
  }
  if (values.distance !== undefined) await field(leg, labels.distance).fill(values.distance);
  if (values.stops !== undefined) await field(leg, labels.stops).fill(values.stops);
}

/** Visible text with Chinese characters, leaving out the switch's own "中文" label. */
export async function chineseLeftOn(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return text
    .split('\n')
    .map((line) => line.replace('中文', ''))
    .filter((line) => /[\u3400-\u9fff]/.test(line));
}
