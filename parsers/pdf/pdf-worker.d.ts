/** The part of pdf.js's worker half used to run it on this thread (the package ships no types for it). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: {
    /** Sets the worker half up to answer the main half's messages on `port`. */
    initializeFromPort(port: unknown): void;
  };
}
