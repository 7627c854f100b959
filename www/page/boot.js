// Starts compiling the wasm the moment the page's first script arrives, while
// the module graph of app.js is still loading (app.js would otherwise only ask
// for it once every module had loaded and run). The response comes from the
// <link rel=preload> already under way; compileStreaming compiles as it arrives.
if (typeof WebAssembly.compileStreaming === 'function') {
  window.__rcWasm = WebAssembly.compileStreaming(fetch(new URL('../pkg/report_checker_bg.wasm', import.meta.url)));
  // A failure here (a server without application/wasm) only means app.js fetches it the usual way.
  window.__rcWasm.catch(() => {});
}
