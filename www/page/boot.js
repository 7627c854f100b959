// Starts compiling the wasm while the page's bundle is still arriving (app.js
// would otherwise only ask for it once the bundle had loaded and run). A
// classic deferred script: it runs before the module script after it (document
// order), so app.js always finds window.__rcWasm. The response comes from the
// <link rel=preload> already under way; compileStreaming compiles as it arrives.
if (typeof WebAssembly.compileStreaming === 'function') {
  window.__rcWasm = WebAssembly.compileStreaming(fetch(new URL('pkg/report_checker_bg.wasm', document.baseURI)));
  // A failure here (a server without application/wasm) only means app.js fetches it the usual way.
  window.__rcWasm.catch(() => {});
}
