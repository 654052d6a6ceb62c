// @vitest-environment jsdom
/**
 * The address's filters: two changes made before the page draws the first both stay in the address
 * (a scheme chosen and a tab clicked at once used to lose the scheme), and a change after the
 * address moved elsewhere builds on where it is now.
 */
import { fireEvent, screen } from '@testing-library/react';
import { useLocation, useNavigate } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { useAddressParams } from '@renderer/components/use-address-params';
import { render } from '../render';

function Page() {
  const [params, change] = useAddressParams();
  const navigate = useNavigate();
  const location = useLocation();
  return (
    <>
      <output data-testid="address">{`${location.pathname}?${params.toString()}`}</output>
      <button
        type="button"
        onClick={() => {
          // Both from the same render, as two clicks land before the router has drawn the first.
          change({ scheme: 's2', payee: null });
          change({ view: 'claims' });
        }}
      >
        both
      </button>
      <button
        type="button"
        onClick={() => change((current) => new URLSearchParams({ only: current.get('view') ?? '' }))}
      >
        replace
      </button>
      <button type="button" onClick={() => void navigate('/subsidies?scheme=s9')}>
        elsewhere
      </button>
      <button type="button" onClick={() => change({ view: 'papers' })}>
        papers
      </button>
    </>
  );
}

const address = () => screen.getByTestId('address').textContent;

describe('useAddressParams', () => {
  it('keeps both of two changes made before the first is drawn', () => {
    render(<Page />, { route: '/subsidies?scheme=s1&payee=p1' });
    fireEvent.click(screen.getByRole('button', { name: 'both' }));
    expect(address()).toBe('/subsidies?scheme=s2&view=claims');
    fireEvent.click(screen.getByRole('button', { name: 'replace' }));
    expect(address()).toBe('/subsidies?only=claims');
  });

  it('builds on the address as it is after a link moved it', () => {
    render(<Page />, { route: '/subsidies?scheme=s1' });
    fireEvent.click(screen.getByRole('button', { name: 'both' }));
    fireEvent.click(screen.getByRole('button', { name: 'elsewhere' }));
    fireEvent.click(screen.getByRole('button', { name: 'papers' }));
    expect(address()).toBe('/subsidies?scheme=s9&view=papers');
  });
});
