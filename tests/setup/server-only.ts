import { vi } from "vitest";

// `server-only` throws outside a React Server Components bundle; in tests the lib modules run plain.
vi.mock("server-only", () => ({}));
