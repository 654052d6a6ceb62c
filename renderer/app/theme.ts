import { createTheme } from '@mantine/core';

/** Fonts that office PCs have for Chinese first: Windows (Microsoft YaHei), then macOS and Linux. */
export const theme = createTheme({
  primaryColor: 'teal',
  fontFamily:
    '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", system-ui, sans-serif',
  defaultRadius: 'sm',
});
