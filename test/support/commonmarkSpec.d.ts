/** The examples of the CommonMark spec (the `commonmark-spec` package ships no types). */
declare module 'commonmark-spec' {
  export interface SpecExample {
    /** Tabs written as `→`. */
    markdown: string;
    html: string;
    section: string;
    number: number;
  }
  export const tests: SpecExample[];
}
