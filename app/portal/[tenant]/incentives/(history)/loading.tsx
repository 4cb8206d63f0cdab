// Only list pages have a loading boundary: one above a page that calls notFound() would turn its 404 into a 200
// (docs/decisions/004-loading-boundaries-and-404.md).
export { PageSkeleton as default } from "@/components/ui/page-skeleton";
