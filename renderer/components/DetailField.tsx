import type { ReactNode } from 'react';
import { Text } from '@mantine/core';

interface DetailFieldProps {
  /** What the value is, above it in small grey text. */
  label: string;
  /** The value; an empty string shows as a dash. */
  children: ReactNode;
}

/** One labelled value on a record's detail page. */
export function DetailField({ label, children }: DetailFieldProps) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children === '' ? '—' : children}</Text>
    </div>
  );
}
