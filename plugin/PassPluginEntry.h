//===- PassPluginEntry.h - libescape.so as an LLVM pass plugin ------------===//
//
// The same library serves `-fplugin=` (the frontend action, with the AST)
// and `-fpass-plugin=` / `lld --load-pass-plugin=` / `opt -load-pass-plugin`
// (llvmGetPassPluginInfo, IR only). When the frontend action runs in a
// compile, it owns that compile's passes and the pass-plugin entry adds none:
// clang 22 runs the frontend action for -fpass-plugin alone, and -fplugin
// together with -fpass-plugin would otherwise register every pass twice.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_PASS_PLUGIN_ENTRY_H
#define ESCAPE_PASS_PLUGIN_ENTRY_H

namespace escape {

/// Called by the frontend action for each compile it handles (at any -O
/// level), before the optimizer's pass builder is set up.
void noteFrontendAction();

} // namespace escape

#endif
