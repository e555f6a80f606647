//===- LinkTimeReport.h - inlining decided without the frontend -----------===//
//
// When the plugin runs as a pass plugin without its frontend action (above
// all at link time: lld's full-LTO and ThinLTO back-end pipelines), there is
// no AST and no clang diagnostics engine. It then reports the inliner's
// verdicts only (Inlined/NotInlined, same catalog rows and conversion as at
// compile time), placed by the IR's debug locations, and collects them for
// the whole process (ThinLTO runs one pipeline per module, in threads):
// printed to stderr (ESCAPE_LTO=remarks) and written as YAML when the process
// ends (LinkTimeOutput.h).
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_LINK_TIME_REPORT_H
#define ESCAPE_LINK_TIME_REPORT_H

namespace llvm {
class PassBuilder;
}

namespace escape {

/// Adds the observing and reporting passes to PB's default pipelines.
void registerLinkTimeReport(llvm::PassBuilder &PB);

} // namespace escape

#endif
