import { pino, type Logger } from 'pino';

/** Structured logs (JSON lines on stdout). Anything that looks like a token is redacted. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { app: 'newsdesk-bot' },
      redact: {
        paths: [
          'token',
          '*.token',
          'DISCORD_TOKEN',
          '*.DISCORD_TOKEN',
          'headers.authorization',
          '*.headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination ?? process.stdout,
  );
}
