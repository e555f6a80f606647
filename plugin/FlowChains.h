//===- FlowChains.h - where a pointer passed to a call goes next ----------===//
//
// Go's -m=2 prints the flow of an escape. A capture by a call to a function
// defined in this module is followed into that function, hop by hop, until
// a store, a return, asm, an unknown function or a cycle (SPEC "Why
// (flow)"). The hops become args with their own DebugLoc.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_FLOW_CHAINS_H
#define ESCAPE_FLOW_CHAINS_H

#include "CaptureSite.h"

namespace escape {

class Remark;
struct PluginState;

/// Appends the `Hop`, `HopArgNo`, `Store` and `FlowEnd` args that follow a
/// capture by a call (Site) into the callee's body; nothing when the callee
/// has no definition in this module.
void addFlowChain(Remark &R, const CaptureSite &Site, const PluginState &State);

} // namespace escape

#endif
