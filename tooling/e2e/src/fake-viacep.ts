import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** The CEPs the fake knows, answered as ViaCEP does; any other is `{"erro": true}`. */
export const KNOWN_CEPS: Record<string, { logradouro: string; bairro: string; localidade: string; uf: string }> = {
  "01305000": { logradouro: "Rua Augusta", bairro: "Consolação", localidade: "São Paulo", uf: "SP" },
};

export interface FakeViaCep {
  /** What CEP_LOOKUP_URL points at. */
  baseUrl: string;
  close(): Promise<void>;
}

/** A local stand-in for ViaCEP (`GET /ws/<cep>/json/`), so browser tests never reach the internet. */
export async function startFakeViaCep(): Promise<FakeViaCep> {
  const server: Server = createServer((request, response) => {
    const cep = /^\/ws\/(\d{8})\/json\/$/.exec(request.url ?? "")?.[1];
    const known = cep ? KNOWN_CEPS[cep] : undefined;
    response.writeHead(cep ? 200 : 400, { "content-type": "application/json; charset=utf-8" });
    response.end(JSON.stringify(known ? { cep: `${cep!.slice(0, 5)}-${cep!.slice(5)}`, ...known } : { erro: true }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/ws`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
