import type { AddressInfo } from 'node:net';
import express from 'express';
import { createLogger } from './logger';
import { installRequestLogging } from './request-logging';

describe('request logging', () => {
  it('is quiet at the info level: a quick answer is logged at debug only, a server error at warn, each with its request id', async () => {
    const lines: { level: string; msg: string; status?: number; requestId?: string }[] = [];
    const logger = createLogger('info', {}, (line) => {
      lines.push(JSON.parse(line));
      return true;
    });
    const app = express();
    installRequestLogging(app, logger);
    app.get('/ok', (_req, res) => void res.send('ok'));
    app.get('/broken', (_req, res) => void res.status(500).send('no'));
    const server = app.listen(0);
    try {
      const { port } = server.address() as AddressInfo;
      await (await fetch(`http://127.0.0.1:${port}/ok`)).text();
      await (await fetch(`http://127.0.0.1:${port}/broken`, { headers: { 'x-request-id': 'trace-500' } })).text();
      // the finish handlers run just after the answer is sent
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(lines.map((line) => [line.level, line.msg, line.status, line.requestId])).toEqual([['warn', 'request failed', 500, 'trace-500']]);
  });

  it('logs every request at the debug level', async () => {
    const lines: { level: string; msg: string }[] = [];
    const app = express();
    installRequestLogging(app, createLogger('debug', {}, (line) => {
      lines.push(JSON.parse(line));
      return true;
    }));
    app.get('/ok', (_req, res) => void res.send('ok'));
    const server = app.listen(0);
    try {
      await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/ok`)).text();
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(lines.map((line) => [line.level, line.msg])).toEqual([['debug', 'request']]);
  });
});
