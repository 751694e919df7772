import QRCode from "qrcode";

/** Text as a QR image (a PIX code, an authenticator's secret), drawn on the server: no client JavaScript, no image host. */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
