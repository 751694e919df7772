import { router } from "../../trpc.ts";
import { storeSettingsRoute } from "./store.ts";
import { updateStoreSettingsRoute } from "./update-store.ts";

export const settingsRouter = router({ store: storeSettingsRoute, updateStore: updateStoreSettingsRoute });
