import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** What Microsoft 365 Agents Playground pushes to its web client over its conversation websocket. */
export interface PlaygroundAction {
  action: string;
  actionConversationId?: string;
  message?: {
    messageId: string;
    from: { id: string };
    text?: string;
    attachments?: { contentType: string; content: unknown }[];
  };
}

export interface RunningPlayground {
  url: string;
  /** Every action pushed to the (single) websocket client so far. */
  actions: PlaygroundAction[];
  /** Resolves with the first pushed action matching `predicate` (past or future). */
  waitForAction(
    predicate: (a: PlaygroundAction) => boolean,
    timeoutMs?: number,
  ): Promise<PlaygroundAction>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function poll<T>(
  what: string,
  attempt: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}: ${String(lastError ?? '')}`);
}

/**
 * A receive-only websocket client (RFC 6455) for the playground's conversation stream, so the
 * tests need neither a browser nor a websocket library: text frames from the server are unmasked.
 */
function openTextStream(url: string, onText: (text: string) => void): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
      },
    });
    req.once('error', reject);
    req.once('response', (res) =>
      reject(new Error(`websocket upgrade refused: ${res.statusCode}`)),
    );
    req.once('upgrade', (_res, socket, head) => {
      let buffer = Buffer.from(head);
      let fragments: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
        for (;;) {
          if (buffer.length < 2) return;
          const fin = (buffer[0] & 0x80) !== 0;
          const opcode = buffer[0] & 0x0f;
          let length = buffer[1] & 0x7f;
          let offset = 2;
          if (length === 126) {
            if (buffer.length < 4) return;
            length = buffer.readUInt16BE(2);
            offset = 4;
          } else if (length === 127) {
            if (buffer.length < 10) return;
            length = Number(buffer.readBigUInt64BE(2));
            offset = 10;
          }
          if (buffer.length < offset + length) return;
          const payload = buffer.subarray(offset, offset + length);
          buffer = buffer.subarray(offset + length);
          if (opcode === 0x1 || opcode === 0x0) {
            fragments.push(payload);
            if (fin) {
              onText(Buffer.concat(fragments).toString('utf8'));
              fragments = [];
            }
          } else if (opcode === 0x8) {
            socket.end();
          }
        }
      });
      socket.on('error', () => undefined);
      resolve(socket);
    });
    req.end();
  });
}

/**
 * Starts Microsoft 365 Agents Playground (the `agentsplayground` CLI) as a child process in the
 * Teams channel, pointed at `appEndpoint`, fully offline: no browser, no telemetry, its log and
 * config lookups confined to a temporary directory. Waits until it answers, then attaches to its
 * conversation websocket the way its web client does.
 */
export async function startPlayground(appEndpoint: string): Promise<RunningPlayground> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-playground-'));
  const port = await freePort();
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [
      cli,
      '--app-endpoint',
      appEndpoint,
      '--channel-id',
      'msteams',
      '--port',
      String(port),
      '--disable-telemetry',
    ],
    {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_LOGFILE: join(dir, 'playground.log'),
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: join(dir, 'none.yml'),
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        APPLICATION_INSIGHTS_NO_DIAGNOSTIC_CHANNEL: 'true',
      },
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));

  let socket: Socket | undefined;
  const stop = async () => {
    socket?.destroy();
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(killTimer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    // It falls back to a random port when the chosen one got taken meanwhile, and says which.
    const actualPort = await poll(
      'the playground to listen',
      async () => {
        if (child.exitCode !== null) throw new Error(`playground exited: ${output}`);
        const m = /Listening on (\d+)/.exec(output);
        return m ? Number(m[1]) : undefined;
      },
      15000,
    );
    const url = `http://127.0.0.1:${actualPort}`;
    const actions: PlaygroundAction[] = [];
    const waiters: {
      predicate: (a: PlaygroundAction) => boolean;
      done: (a: PlaygroundAction) => void;
    }[] = [];
    socket = await openTextStream(`${url}/_ws_conversation/v1/conversations/stream`, (text) => {
      const action = JSON.parse(text) as PlaygroundAction;
      actions.push(action);
      for (const w of [...waiters]) {
        if (w.predicate(action)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.done(action);
        }
      }
    });
    return {
      url,
      actions,
      waitForAction: (predicate, timeoutMs = 10000) => {
        const seen = actions.find(predicate);
        if (seen) return Promise.resolve(seen);
        return new Promise((resolve, reject) => {
          const waiter = {
            predicate,
            done: (a: PlaygroundAction) => {
              clearTimeout(timer);
              resolve(a);
            },
          };
          const timer = setTimeout(() => {
            waiters.splice(waiters.indexOf(waiter), 1);
            reject(
              new Error(
                `no matching playground action within ${timeoutMs} ms; got ${JSON.stringify(actions)}`,
              ),
            );
          }, timeoutMs);
          waiters.push(waiter);
        });
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
