// The layer rules of Steward (README, "Architecture"), checked by `npm run lint:layers`:
// lib/ is plain TypeScript that the UI builds on, so it never reaches up into app/ or components/;
// components/ are reused by many routes, so they never import one route's code; pages, layouts and
// components load their data through one function in lib/ instead of opening tenant transactions.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "lib-imports-ui",
      comment: "lib/ is the domain layer: it never imports app/ or components/ (move the code into lib/).",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "components-import-app",
      comment: "components/ never import app/: pass a route's server actions in as props.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "page-imports-db",
      comment: "Pages and layouts never import lib/db: load the page through one load…Page function in lib/.",
      severity: "error",
      from: { path: "^app/.*/(page|layout)\\.tsx$|^app/(page|layout)\\.tsx$" },
      to: { path: "^lib/db/" },
    },
    {
      name: "component-imports-db",
      comment: "Components never query the database: their data comes from a loader in lib/, through props.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^lib/db/" },
    },
    {
      name: "value-models-impure",
      comment:
        "lib/value/models/ holds the pure CLV models (BG/NBD, Gamma-Gamma, optimisers): they import nothing else of the app.",
      severity: "error",
      from: { path: "^lib/value/models/" },
      to: { path: "^(app|components|generated|lib/(?!value/models/))" },
    },
    {
      name: "no-circular",
      comment: "No import cycles (type-only imports count: they still tie the modules' designs together).",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|generated|test-results|playwright-report)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
