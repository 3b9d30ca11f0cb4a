// A real SMTP server on loopback for the e2e journeys: the app sends its e-mail here, and every
// message received is appended to a JSON-lines file (E2E_MAILBOX) the journeys read.
import { appendFileSync, writeFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** Starts the sink on a free port; resolves with the port and a close function. */
export async function startMailSink(file) {
  writeFileSync(file, '');
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = [mail.to]
            .flat()
            .flatMap((a) => a?.value ?? [])
            .map((a) => a.address);
          const line = { to, subject: mail.subject ?? '', text: mail.text ?? '', html: mail.html || '' };
          appendFileSync(file, `${JSON.stringify(line)}\n`);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.server.address().port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
