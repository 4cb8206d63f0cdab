export const GENERIC_ERROR =
  "Something went wrong on our side. Please try again; if it keeps happening, contact support.";
