import { inject } from "vitest";

// Workers don't inherit variables the global setup sets after they fork: pass them explicitly.
process.env.TEST_DATABASE_URL = inject("testDatabaseUrl");
const redis = inject("testRedisUrl");
if (redis) process.env.TEST_REDIS_URL = redis;
