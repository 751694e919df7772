const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The page's GET form as the API's filter: days as whole UTC days, anything malformed left out. */
export function auditFilterOf(params: URLSearchParams) {
  const day = (name: string, end: boolean) => {
    const value = params.get(name) ?? "";
    return DAY.test(value) && !Number.isNaN(Date.parse(value)) ? new Date(`${value}T${end ? "23:59:59.999" : "00:00:00.000"}Z`) : undefined;
  };
  const uuid = (name: string) => {
    const value = params.get(name) ?? "";
    return UUID.test(value) ? value : undefined;
  };
  const entity = params.get("entity")?.trim();
  return {
    ...(entity ? { entity: entity.slice(0, 40) } : {}),
    ...(uuid("actor") ? { actorId: uuid("actor") } : {}),
    ...(day("from", false) ? { from: day("from", false) } : {}),
    ...(day("to", true) ? { to: day("to", true) } : {}),
    ...(uuid("before") ? { before: uuid("before") } : {}),
  };
}
