/** Types for the stand-alone file of @mozilla/readability that holds only `isProbablyReaderable` (the package's index would bundle all of Readability). */
declare module '@mozilla/readability/Readability-readerable.js' {
  import type { isProbablyReaderable } from '@mozilla/readability';
  const fn: typeof isProbablyReaderable;
  export default fn;
}
