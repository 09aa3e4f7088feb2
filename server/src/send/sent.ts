import type { Transport } from './send-error';

/** A message the server accepted. */
export interface Sent {
  readonly transport: Transport;
  /** What the server said: SMTP's final reply (`250 …`), or Graph's status (`202 Accepted`). */
  readonly answer: string;
}
