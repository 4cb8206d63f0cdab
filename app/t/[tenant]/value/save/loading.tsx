// A list page: its loading boundary cannot hide a 404 (docs/decisions/004-loading-boundaries-and-404.md).
export { PageSkeleton as default } from "@/components/ui/page-skeleton";
