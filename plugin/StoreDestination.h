//===- StoreDestination.h - what a store writes a captured pointer into ---===//
//
// The end of a flow chain at a store names the destination when the IR
// shows it (SPEC "Remarks", `Reason` `stored`): a global, a field of a
// parameter as the source writes it (`c->slot`, `r.a.b`, `this->m`), heap
// memory from an allocation, a local. A field is named only when the
// assignment at the store's place (StoreTargets) starts from that very
// parameter and reaches the byte the IR writes; otherwise the name says
// no more than the IR does (`c->...`).
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_STORE_DESTINATION_H
#define ESCAPE_STORE_DESTINATION_H

#include <string>

namespace llvm {
class Instruction;
} // namespace llvm

namespace escape {

struct PluginState;

/// The `Store` value for the capturing instruction At: "global 'g'",
/// "'c->slot'", "heap memory from 'malloc' (line 12)", ...
std::string storeDestination(const llvm::Instruction *At,
                             const PluginState &State);

} // namespace escape

#endif
