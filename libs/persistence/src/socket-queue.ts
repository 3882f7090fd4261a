import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { NotificationRouter } from './notification-routing';

/** One protocol message a connection sent, as pglite-socket 0.2.17 queues it. */
interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

/** The parts of pglite-socket's (unexported) query queue this module replaces. */
interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

// Sync ends an extended-protocol sequence; a simple Query and Terminate stand alone.
const SEQUENCE_END = new Set(['S'.charCodeAt(0), 'Q'.charCodeAt(0), 'X'.charCodeAt(0)]);

/**
 * pglite-socket 0.2.17 serves connections message by message: between one connection's Parse, Bind and
 * Execute it may run another connection's, which replaces the unnamed prepared statement ("unnamed
 * prepared statement does not exist") or leaves a client waiting for ever. Its queue already keeps a
 * transaction's messages together; this keeps every extended-protocol sequence together until its Sync,
 * as a PostgreSQL server does for each of its sessions. It also routes each NOTIFY to the connections
 * that LISTEN on its channel (see NotificationRouter).
 */
export function keepProtocolSequencesTogether(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue?: QueryQueue }).queryQueue;
  if (queue === undefined || !Array.isArray(queue.queue) || typeof queue.processQueue !== 'function')
    throw new Error('pglite-socket changed: its query queue is not where majlis expects it (see socket-queue.ts)');
  let midSequence = false;
  const notifications = new NotificationRouter();
  const clearQueueForHandler = queue.clearQueueForHandler.bind(queue);
  // A connection that goes away in the middle of a sequence must not hold the others back.
  queue.clearQueueForHandler = (handlerId: number): void => {
    clearQueueForHandler(handlerId);
    notifications.forget(handlerId);
    if (queue.lastHandlerId === handlerId && midSequence) {
      midSequence = false;
      void queue.processQueue();
    }
  };
  queue.processQueue = async function processQueue(this: QueryQueue): Promise<void> {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const exclusive = (midSequence || this.db.isInTransaction()) && this.lastHandlerId !== null;
        const index = exclusive ? this.queue.findIndex((item) => item.handlerId === this.lastHandlerId) : 0;
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        const message = notifications.observe(item.handlerId, item.message, item.onData);
        const output = notifications.outputOf(item.handlerId, item.onData);
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                output(data);
              },
            }),
          );
        } catch (error) {
          midSequence = false;
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        midSequence = !SEQUENCE_END.has(item.message[0]) && item.message[0] !== 0;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }.bind(queue);
}
