//===- ParamCaptures.cpp - each parameter's capture, found once -----------===//

#include "ParamCaptures.h"

#include "llvm/IR/Argument.h"

namespace escape {

CaptureSite ParamCaptures::of(const llvm::Argument &Arg) {
  auto [It, Inserted] = Sites.try_emplace(&Arg);
  if (Inserted && !Arg.hasNoCaptureAttr())
    It->second = findCaptureSite(&Arg);
  return It->second;
}

} // namespace escape
