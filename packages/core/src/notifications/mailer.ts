import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

export interface EmailMessage {
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html?: string | null;
}

export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}

/**
 * Development mailer: each email becomes `<dir>/<notification id>.eml`, readable in any mail
 * client or editor. Named by id, so a retried send overwrites rather than duplicates.
 */
export function createFileMailer(dir: string): Mailer {
  return {
    async send(message) {
      await mkdir(dir, { recursive: true });
      const headers = [
        `Message-ID: <${message.id}@primestore.local>`,
        `From: ${message.from}`,
        `To: ${message.to}`,
        `Subject: =?UTF-8?B?${Buffer.from(message.subject).toString("base64")}?=`,
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=UTF-8",
        "Content-Transfer-Encoding: 8bit",
      ];
      await writeFile(join(dir, `${message.id}.eml`), `${headers.join("\r\n")}\r\n\r\n${message.text}\r\n`);
    },
  };
}
