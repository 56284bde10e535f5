// Page kinds (ids from lib/kinds.js) that the product does not build yet,
// each with the reason. The suite skips their checks and says so. It fails
// when a kind NOT listed here is missing from the build, and also when a
// listed kind has appeared: then delete its line, so that from then on it
// is required and checked like every other kind.
export const pending = new Map([
]);
