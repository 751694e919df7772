// An entry of its own: the tRPC client and React Query then load only on pages that use them.
export { ApiProvider, type ApiProviderProps } from "./api-provider.tsx";
export { useTRPC } from "./trpc.ts";
