// Sellers choose the colour; only a plain hex value may reach a style attribute, SVG or manifest.
const hexColor = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const PLATFORM_COLOR = "#1f4fd1";

export function safeBrandColor(color: string | undefined | null): string | null {
  return color && hexColor.test(color) ? color : null;
}

export function brandColor(color: string | undefined | null): string {
  return safeBrandColor(color) ?? PLATFORM_COLOR;
}
