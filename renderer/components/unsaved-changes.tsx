import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router-dom';
import { isDesktop } from '../platform';

type Report = (part: string, dirty: boolean) => void;
const UnsavedChangesContext = createContext<Report>(() => undefined);

/**
 * Asks before leaving a page with changes not saved: on a link or Back within the app (a dialog:
 * stay, or leave and lose them) and, in the browser, on closing or reloading the tab (the
 * browser's own question). The parts of the page say whether they hold unsaved changes with
 * `useUnsavedChanges`.
 */
export function UnsavedChangesGuard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [dirtyParts, setDirtyParts] = useState<ReadonlySet<string>>(new Set());
  const report = useCallback<Report>(
    (part, dirty) =>
      setDirtyParts((current) => {
        if (current.has(part) === dirty) return current;
        const next = new Set(current);
        if (dirty) next.add(part);
        else next.delete(part);
        return next;
      }),
    [],
  );
  const dirty = dirtyParts.size > 0;

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    let leaving = false;
    modals.openConfirmModal({
      title: t('app.unsaved.title'),
      children: <Text size="sm">{t('app.unsaved.text')}</Text>,
      labels: { confirm: t('app.unsaved.leave'), cancel: t('app.unsaved.stay') },
      confirmProps: { color: 'red', 'data-testid': 'unsaved-leave' } as Record<string, string>,
      onConfirm: () => {
        leaving = true;
        blocker.proceed();
      },
      onClose: () => {
        if (!leaving) blocker.reset();
      },
    });
  }, [blocker, t]);

  useEffect(() => {
    // The desktop window would silently refuse to close: there the question needs the main process.
    if (!dirty || isDesktop) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);

  return <UnsavedChangesContext.Provider value={report}>{children}</UnsavedChangesContext.Provider>;
}

/** Tells the page's `UnsavedChangesGuard` whether this part of it (`part`, a name unique on the page) holds unsaved changes. */
export function useUnsavedChanges(part: string, dirty: boolean): void {
  const report = useContext(UnsavedChangesContext);
  useEffect(() => {
    report(part, dirty);
    return () => report(part, false);
  }, [report, part, dirty]);
}
