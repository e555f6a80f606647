//===- FlowNotes.h - one clang note per hop of a flow chain ---------------===//
#ifndef ESCAPE_FLOW_NOTES_H
#define ESCAPE_FLOW_NOTES_H

namespace clang {
class DiagnosticsEngine;
class SourceManager;
} // namespace clang

namespace escape {

class Remark;

/// Prints, after R, a `note:` at each located step of its flow chain (the
/// `Hop`, `Store` and `FlowEnd` args, plugin/FlowChains.h) and at each call
/// its code was inlined at (the `InlinedFrom` args, plugin/InlineContext.h).
void printFlowNotes(const Remark &R, clang::DiagnosticsEngine &Diags,
                    clang::SourceManager &SM);

} // namespace escape

#endif
