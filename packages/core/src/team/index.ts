export * from "./change-member-role.ts";
export * from "./delete-role.ts";
export * from "./list-team.ts";
export * from "./member-role-input.ts";
export * from "./remove-member.ts";
export * from "./role-input.ts";
export * from "./save-role.ts";
export type { TeamActor } from "./team-actor.ts";
