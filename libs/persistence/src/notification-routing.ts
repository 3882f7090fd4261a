/** Where a connection's bytes go: pglite-socket's per-message callback, which writes to its socket. */
export type ConnectionSink = (data: Uint8Array) => void;

const NOTIFICATION_RESPONSE = 'A'.charCodeAt(0);
const SIMPLE_QUERY = 'Q'.charCodeAt(0);
const PARSE = 'P'.charCodeAt(0);
const decoder = new TextDecoder();
/** A simple Query of no statement: PostgreSQL answers EmptyQueryResponse and ReadyForQuery. */
const EMPTY_QUERY = new Uint8Array([SIMPLE_QUERY, 0, 0, 0, 5, 0]);

/** A NUL-terminated string of a protocol message, from `offset`. */
function cString(bytes: Uint8Array, offset: number): { text: string; end: number } {
  let end = offset;
  while (end < bytes.length && bytes[end] !== 0) end++;
  return { text: decoder.decode(bytes.subarray(offset, end)), end: end + 1 };
}

/** The SQL text of a simple Query or a Parse message, else null. */
function statementText(message: Uint8Array): string | null {
  if (message[0] === SIMPLE_QUERY) return cString(message, 5).text;
  if (message[0] === PARSE) return cString(message, cString(message, 5).end).text;
  return null;
}

// BullMQ's LISTEN commands start with comment lines.
const LISTEN_COMMAND = /^\s*(?:--[^\n]*\n\s*)*(UN)?LISTEN\s+("?)([^\s";]+|\*)\2\s*;?\s*$/i;

/**
 * PGlite is one PostgreSQL session shared by every socket connection: a NOTIFY comes back in the
 * output of whichever connection's statement committed it, so a worker's LISTEN connection never hears
 * a job added by another connection (a delayed job due earlier than the one it sleeps for included).
 * This routes each NotificationResponse to the connections that asked for its channel, as a PostgreSQL
 * server does for its sessions.
 */
export class NotificationRouter {
  private readonly listeners = new Map<string, Map<number, ConnectionSink>>();

  /**
   * Notes a connection's LISTEN or UNLISTEN before the statement runs, and answers the message to run in
   * its place: an UNLISTEN is kept from the shared session (an empty query), which would otherwise stop
   * listening for every connection.
   */
  observe(handlerId: number, message: Uint8Array, sink: ConnectionSink): Uint8Array {
    const sql = statementText(message);
    if (sql === null) return message;
    const command = LISTEN_COMMAND.exec(sql);
    if (command === null) return message;
    const [, unlisten, quote, name] = command;
    const channel = quote === '"' ? name : name.toLowerCase();
    if (unlisten === undefined) {
      const sinks = this.listeners.get(channel) ?? new Map<number, ConnectionSink>();
      sinks.set(handlerId, sink);
      this.listeners.set(channel, sinks);
      return message;
    }
    if (channel === '*') this.forget(handlerId);
    else this.listeners.get(channel)?.delete(handlerId);
    return message[0] === SIMPLE_QUERY ? EMPTY_QUERY : message;
  }

  /** A connection went away: it hears nothing more. */
  forget(handlerId: number): void {
    for (const sinks of this.listeners.values()) sinks.delete(handlerId);
  }

  /**
   * Wraps the output stream of one statement of `handlerId`: every byte passes to `sink` in order, except
   * NotificationResponse messages, which go to the connections listening on their channel (the statement's
   * own connection in place, if it listens).
   */
  outputOf(handlerId: number, sink: ConnectionSink): ConnectionSink {
    let phase: 'type' | 'length' | 'body' = 'type';
    let lengthBytes = 0;
    let length = 0;
    let remaining = 0;
    let notification: Uint8Array[] | null = null;
    return (data) => {
      let passFrom = 0;
      let collectFrom = 0;
      let at = 0;
      const finishMessage = (): void => {
        phase = 'type';
        if (notification === null) return;
        notification.push(data.subarray(collectFrom, at));
        this.route(handlerId, sink, concatenated(notification));
        notification = null;
        passFrom = at;
      };
      while (at < data.length) {
        if (phase === 'type') {
          if (data[at] === NOTIFICATION_RESPONSE) {
            if (at > passFrom) sink(data.subarray(passFrom, at));
            notification = [];
            collectFrom = at;
          }
          phase = 'length';
          lengthBytes = 0;
          length = 0;
          at++;
        } else if (phase === 'length') {
          length = length * 256 + data[at];
          lengthBytes++;
          at++;
          if (lengthBytes === 4) {
            remaining = length - 4;
            if (remaining > 0) phase = 'body';
            else finishMessage();
          }
        } else {
          const taken = Math.min(remaining, data.length - at);
          at += taken;
          remaining -= taken;
          if (remaining === 0) finishMessage();
        }
      }
      if (notification !== null) {
        const partial: Uint8Array[] = notification;
        partial.push(data.slice(collectFrom, at));
      } else if (at > passFrom) {
        sink(data.subarray(passFrom, at));
      }
    };
  }

  private route(handlerId: number, ownSink: ConnectionSink, message: Uint8Array): void {
    // 'A', length, the notifying backend's pid, then the channel.
    const channel = cString(message, 9).text;
    const sinks = this.listeners.get(channel);
    if (sinks === undefined) return;
    for (const [listener, sink] of sinks) (listener === handlerId ? ownSink : sink)(message);
  }
}

function concatenated(parts: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.length;
  }
  return whole;
}
