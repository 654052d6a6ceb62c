import { useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { draftMessages, type RouteDraft } from './route-draft';

/** The route form's state, as its field components take it. */
export type RouteFormValues = ReturnType<typeof useRouteForm>;

/** The Mantine form over a route draft, checked by the draft's own and the domain's rules. */
export function useRouteForm(initialValues: RouteDraft, t: TFunction) {
  const form = useForm<RouteDraft>({
    mode: 'controlled',
    initialValues,
    validate: (values) => draftMessages(values, t),
    validateInputOnBlur: true,
    // A problem shown on one field is often mended in another (an arrival refused until its day is
    // set to the next one): shown problems follow every change, new ones wait for the field's blur.
    // Without this, the stale message vanishes on the Save button's mousedown and the click is lost.
    onValuesChange: (values) => {
      const shown = Object.keys(form.errors);
      if (shown.length === 0) return;
      const messages = draftMessages(values, t);
      const next: Record<string, string> = {};
      for (const path of shown) {
        const message = messages[path];
        if (message !== undefined) next[path] = message;
      }
      form.setErrors(next);
    },
  });
  return form;
}
