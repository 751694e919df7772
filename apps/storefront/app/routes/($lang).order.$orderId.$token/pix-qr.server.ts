import QRCode from "qrcode";

/** The PIX code as a QR image, drawn on the server: no client JavaScript, no image host. */
export async function pixQrDataUrl(code: string): Promise<string> {
  const svg = await QRCode.toString(code, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
