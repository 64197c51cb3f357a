import { describe, expect, it } from 'vitest';
import type { CliContext } from './context.ts';
import { runTokenCommand } from './token.ts';

function context(options: { args: string[]; files?: Record<string, string>; env?: Record<string, string> }) {
  const lines: string[] = [];
  const value: CliContext = {
    args: options.args,
    env: options.env ?? {},
    system: { uid: 0, home: '/root', hostname: 'edge' },
    signal: new AbortController().signal,
    print: (line) => lines.push(line),
    readTextFile: async (path) => options.files?.[path],
  };
  return { value, lines };
}

describe('skiff token', () => {
  const token = 'K10aaaa::server:secret';

  const lists = [
    { name: 'lists the server token from the default data dir', args: ['list'], path: '/var/lib/skiff/server/token' },
    { name: 'lists the server token from --data-dir', args: ['list', '--data-dir', '/srv/s'], path: '/srv/s/server/token' },
    { name: 'lists the server token from -d=', args: ['list', '-d=/srv/s'], path: '/srv/s/server/token' },
  ];
  it.each(lists)('$name', async ({ args, path }) => {
    const { value, lines } = context({ args, files: { [path]: `${token}\n` } });
    expect(await runTokenCommand(value)).toBe(0);
    expect(lines.join('\n')).toContain(`server   ${token}`);
  });

  const failures = [
    { name: 'says create is not available yet', args: ['create'], says: /"skiff token create" is not available in this release/ },
    { name: 'says delete is not available yet', args: ['delete', 'abc'], says: /"skiff token delete" is not available in this release/ },
    { name: 'rejects an unknown subcommand', args: ['rotate'], says: /unknown token subcommand "rotate"/ },
    { name: 'says where it looked when there is no token', args: ['list'], says: /no server token at \/var\/lib\/skiff\/server\/token/ },
    { name: 'rejects flags list does not take', args: ['list', '--ttl', '1h'], says: /unknown flag --ttl for "skiff token list"/ },
  ];
  it.each(failures)('$name', async ({ args, says }) => {
    await expect(runTokenCommand(context({ args }).value)).rejects.toThrow(says);
  });
});
