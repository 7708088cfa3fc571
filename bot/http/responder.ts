import type { REST } from '@discordjs/rest';
import {
  CallbackType,
  webhookResponder,
  type Callback,
  type InteractionRef,
  type MessageBody,
  type Responder,
} from '../responder.ts';

/**
 * The HTTP transport's responder. The interaction's first response is the body of the HTTP
 * response; everything after goes to the webhook through `@discordjs/rest`, as on the gateway.
 *
 * A defer is held back for up to `deferAfterMs`: when the reply is ready by then it goes out as
 * the HTTP response itself (a deferred message becomes a message, type 4 with the defer's
 * flags; a deferred update becomes an update, type 7), which saves a webhook call and a
 * "thinking…" flash. Otherwise the defer (type 5 or 6) is sent when the time is up, well inside
 * Discord's 3 seconds, and the reply follows with the webhook PATCH. What the member finally
 * sees is the same either way, and the same as on the gateway.
 */
export class HttpResponder implements Responder {
  private state: 'open' | 'held' | 'sent' = 'open';
  private held?: Callback;
  /** The original response was deleted while its defer was still held back: nothing to show. */
  private dropped = false;
  private timer?: NodeJS.Timeout;
  private webhook: Omit<Responder, 'callback'>;

  constructor(
    private o: {
      ref: InteractionRef;
      rest: REST;
      /** Counted from here: the time the request arrived (performance.now()), not when the pipeline got to it. */
      receivedAt: number;
      deferAfterMs: number;
      send: (payload: Callback) => void;
    },
  ) {
    this.webhook = webhookResponder(o.rest, o.ref);
  }

  /** Whether the HTTP response has been given (or is held back to be given). */
  get answered(): boolean {
    return this.state !== 'open';
  }

  async callback(body: Callback): Promise<void> {
    if (this.state !== 'open') throw new Error('interaction already acknowledged');
    if (body.type === CallbackType.DeferredMessage || body.type === CallbackType.DeferredUpdate) {
      this.state = 'held';
      this.held = body;
      const waited = performance.now() - this.o.receivedAt;
      this.timer = setTimeout(() => this.flush(), Math.max(0, this.o.deferAfterMs - waited));
      return;
    }
    this.state = 'sent';
    this.o.send(body);
  }

  async editOriginal(body: MessageBody): Promise<void> {
    if (this.state === 'held' && !this.dropped) {
      const deferred = this.held!;
      this.settle();
      if (deferred.type === CallbackType.DeferredUpdate) this.o.send({ type: CallbackType.UpdateMessage, data: body });
      else {
        const flags = (deferred.data as { flags?: number } | undefined)?.flags ?? 0;
        this.o.send({ type: CallbackType.Message, data: { ...body, flags } });
      }
      return;
    }
    this.flush();
    await this.webhook.editOriginal(body);
  }

  async deleteOriginal(): Promise<void> {
    if (this.state === 'held') {
      this.dropped = true;
      return;
    }
    await this.webhook.deleteOriginal();
  }

  async followUp(body: MessageBody): Promise<void> {
    if (this.state === 'held' && this.dropped) {
      // The deferred message never showed; the follow-up takes its place as the response.
      this.settle();
      this.o.send({ type: CallbackType.Message, data: body });
      return;
    }
    this.flush();
    await this.webhook.followUp(body);
  }

  /** Nothing will be sent: gives the HTTP response to `fallback` unless one was given. */
  abandon(fallback: () => void): void {
    if (this.state === 'open') {
      this.state = 'sent';
      fallback();
    } else this.flush();
  }

  private settle() {
    clearTimeout(this.timer);
    this.state = 'sent';
  }

  /** Sends the held-back defer now; a deleted one is removed right after. */
  private flush() {
    if (this.state !== 'held') return;
    const deferred = this.held!;
    this.settle();
    this.o.send(deferred);
    if (this.dropped) void this.webhook.deleteOriginal().catch(() => undefined);
  }
}
