#!/usr/bin/env node
// A tiny Prisma generator that writes the schema's data model (DMMF) to JSON, so the drift test
// can compare it with the database the migrations build (Prisma's own diff needs a native engine).
const { generatorHandler } = require("@prisma/generator-helper");
const { writeFileSync, mkdirSync } = require("node:fs");
const { dirname } = require("node:path");

generatorHandler({
  onManifest: () => ({ prettyName: "DMMF JSON", defaultOutput: "../generated/dmmf.json" }),
  onGenerate: async (options) => {
    const out = options.generator.output.value;
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(options.dmmf.datamodel, null, 1));
  },
});
