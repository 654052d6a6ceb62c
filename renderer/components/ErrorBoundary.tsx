import { Component, type ReactNode } from 'react';
import { Alert, Button, Center, Stack, Text } from '@mantine/core';
import { Translation } from 'react-i18next';
import { logger } from '../logger';

interface ErrorBoundaryProps {
  /** The part of the app this boundary protects. */
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
}

/**
 * Shows a message with a way out instead of a blank window when a page fails to render. Stored
 * data is not touched: every write runs in its own transaction, so a crash leaves nothing half-written.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    logger.error('a page failed to render', error);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <Center p="xl">
            <Stack maw={560}>
              <Alert color="red" title={t('app.title')}>
                <Text size="sm">{t('app.unexpectedError', { message: error.message })}</Text>
              </Alert>
              <Button onClick={() => window.location.reload()}>{t('app.reload')}</Button>
            </Stack>
          </Center>
        )}
      </Translation>
    );
  }
}
