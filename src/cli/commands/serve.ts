import { parseArgs } from 'node:util';
import { loadConfig } from '../../server/config.ts';
import { serve } from '../../server/main.ts';
import { DATABASE_HELP, DATABASE_OPTION, HELP_OPTION, type Io, integerOption, parseOrUsage } from '../io.ts';

export const summary = 'run the web server and API (applies pending migrations first)';

export const usage = `Usage: moneta serve [--port P] [--host H] [--database URL]

Builds the web app when its build (dist/web) is missing or older than its sources, applies pending
migrations, then serves the web app and the API until SIGINT or SIGTERM.
Other settings come from the environment (MONETA_REGISTRATION, MONETA_TRUST_PROXY, LOG_LEVEL …);
MONETA_WEB=prebuilt serves dist/web without building, MONETA_WEB=off serves the API only.

Options:
  --port P          port to listen on (default: $PORT, else 3000)
  --host H          address to bind (default: $HOST, else 0.0.0.0)
${DATABASE_HELP}
  -h, --help        show this help`;

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parseOrUsage(() =>
    parseArgs({
      args: argv,
      options: { ...HELP_OPTION, ...DATABASE_OPTION, port: { type: 'string' }, host: { type: 'string' } },
      strict: true,
    }),
  );
  if (values.help) {
    io.out(usage);
    return 0;
  }
  const port = integerOption('port', values.port, 0, 65_535);
  const env = {
    ...io.env,
    ...(port !== undefined && { PORT: String(port) }),
    ...(values.host !== undefined && { HOST: values.host }),
    ...(values.database !== undefined && { DATABASE_URL: values.database }),
  };
  await serve(loadConfig(env));
  return 0;
}
