/** The buyer's order status page; the token in it is the only key (see core/orders/access-token.ts). */
export function orderStatusPath(order: { id: string; accessToken: string }, lang?: string): string {
  return `${lang ? `/${lang}` : ""}/order/${order.id}/${encodeURIComponent(order.accessToken)}`;
}
