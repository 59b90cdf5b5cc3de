import { Testing } from "cdktf";
import "cdktf/lib/testing/adapters/jest";

Testing.setupJest();

// Model lifecycles are judged on a fixed day, so tests do not change verdict as retirements approach.
process.env.AOAI_TODAY = "2026-11-30";
