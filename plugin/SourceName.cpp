//===- SourceName.cpp - a called function as the source spells it ---------===//

#include "SourceName.h"

#include "llvm/IR/Function.h"
#include "llvm/IR/Intrinsics.h"

using namespace llvm;

namespace escape {

std::string sourceSymbolName(StringRef Name) {
  // glibc: __isoc99_sscanf, __isoc23_strtol (C99/C23 conforming variants).
  for (StringRef Prefix : {"__isoc99_", "__isoc23_"})
    if (Name.starts_with(Prefix) && Name.size() > Prefix.size())
      return Name.drop_front(Prefix.size()).str();
  // glibc's _FORTIFY_SOURCE checking variants: __printf_chk for printf.
  if (Name.starts_with("__") && Name.ends_with("_chk") && Name.size() > 6)
    return Name.drop_front(2).drop_back(4).str();
  return Name.str();
}

std::string sourceCalleeName(const Function &F) {
  if (!F.isIntrinsic())
    return sourceSymbolName(F.getName());
  StringRef Base = Intrinsic::getBaseName(F.getIntrinsicID());
  Base.consume_front("llvm.");
  return Base.str();
}

} // namespace escape
