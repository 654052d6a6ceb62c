import { notifications } from '@mantine/notifications';

/**
 * Shows the problems a repository found (from saveFromForm) where the user can act on them: next
 * to the form's field when the form has it (`fieldOf` renames a record's field to the form's, as
 * `arrivedAt` is typed in the time field), and as a red notice otherwise (no operator named, the
 * batch closed meanwhile), so that no refusal goes unsaid.
 */
export function showProblemsIn(
  setErrors: (errors: Record<string, string>) => void,
  formFields: readonly string[],
  fieldOf: Readonly<Record<string, string>> = {},
): (messages: Record<string, string>) => void {
  return (messages) => {
    const errors: Record<string, string> = {};
    const elsewhere: string[] = [];
    for (const [field, message] of Object.entries(messages)) {
      const target = fieldOf[field] ?? field;
      if (formFields.includes(target)) errors[target] = message;
      else elsewhere.push(message);
    }
    setErrors(errors);
    if (elsewhere.length > 0) notifications.show({ color: 'red', message: elsewhere.join(' ') });
  };
}
