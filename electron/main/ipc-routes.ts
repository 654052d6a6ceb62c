/**
 * One route per entry of the bridge contract, each guarded in the same order: the sender first
 * (https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages),
 * then the payload against its schema, and only then the implementation. No Electron objects here:
 * main turns the IPC event into a `SenderFrame` and registers `handle` with ipcMain.handle.
 */
import { bridgeContract, type BridgeMethod, type BridgeRequest, type BridgeResponse } from '@shared/bridge';
import { validateRequest } from './ipc-validation';
import { describeError, type Logger } from './logger';
import { isTrustedSender, type SenderFrame, type TrustOptions } from './navigation';

/** What main does for each method, once sender and payload have been checked. */
export type BridgeImplementation = {
  [M in BridgeMethod]: (request: BridgeRequest<M>) => Promise<BridgeResponse<M>>;
};

export type BridgeRoute = {
  method: BridgeMethod;
  channel: string;
  handle: (sender: SenderFrame | null, payload: unknown) => Promise<unknown>;
};

function routeFor<M extends BridgeMethod>(
  method: M,
  run: BridgeImplementation[M],
  options: TrustOptions & { log: Logger },
): BridgeRoute {
  const { channel } = bridgeContract[method];
  return {
    method,
    channel,
    handle: async (sender, payload) => {
      if (!isTrustedSender(sender, options)) {
        options.log.warn('refused IPC from an untrusted frame', {
          channel,
          url: sender?.url,
          mainFrame: sender?.isMainFrame,
        });
        throw new Error(`${channel}: sender not allowed`);
      }
      const request = validateRequest(method, payload);
      if (!request.ok) {
        options.log.warn('refused an invalid IPC request', { error: request.error });
        throw new Error(request.error);
      }
      try {
        return await run(request.value);
      } catch (error) {
        options.log.warn('IPC request failed', { channel, error: describeError(error) });
        throw error;
      }
    },
  };
}

/** The guarded routes for every method of the contract; adding a method to the contract adds one here. */
export function createBridgeRoutes(
  implementation: BridgeImplementation,
  options: TrustOptions & { log: Logger },
): BridgeRoute[] {
  // Object.keys loses the key type; the contract is a literal object, so its keys are exactly BridgeMethod.
  const methods = Object.keys(bridgeContract) as BridgeMethod[];
  return methods.map((method) => routeFor(method, implementation[method], options));
}
