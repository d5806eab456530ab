/** What a relay delivers for one document: updates and awareness from other instances. */
export interface RelayHandler {
  update(update: Uint8Array): void;
  awareness(update: Uint8Array): void;
}

/**
 * Fans document updates and awareness out to the other server instances
 * holding the same document (Hocuspocus-style: pluggable, one small
 * interface). Persistence stays with the instance that accepted the update.
 */
export interface Relay {
  /**
   * Starts receiving for `key`; resolves once subscribed, so nothing published afterwards is missed.
   * Rejects if the relay is unreachable now; the document stays registered and is subscribed (and
   * caught up through `onReconnect`) when the relay returns.
   */
  subscribe(key: string, handler: RelayHandler): Promise<void>;
  unsubscribe(key: string): Promise<void>;
  publishUpdate(key: string, update: Uint8Array): void;
  publishAwareness(key: string, update: Uint8Array): void;
  /** True while connected: updates published now reach the other instances. */
  readonly healthy: boolean;
  /** Documents currently subscribed (a leak shows here: it should match the loaded documents). */
  readonly subscriptionCount: number;
  /** Called after the connection to the relay was lost and came back: messages may have been missed. */
  onReconnect(fn: () => void): void;
  /** Called when `healthy` changes (clients are told when live relay is degraded). */
  onStateChange(fn: (healthy: boolean) => void): void;
  close(): Promise<void>;
}
