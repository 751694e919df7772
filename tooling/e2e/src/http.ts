import http from "node:http";

export interface HostResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * GET with an explicit Host header: Node's resolver doesn't know `*.localhost` (browsers do), so
 * server-side checks connect to 127.0.0.1 and name the store in the header.
 */
export function getWithHost(port: number, host: string, path: string, headers: Record<string, string> = {}): Promise<HostResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path, headers: { host: `${host}:${port}`, ...headers } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
  });
}
