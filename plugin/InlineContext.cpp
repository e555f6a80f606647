//===- InlineContext.cpp - where a remark's inlined code came from --------===//

#include "InlineContext.h"

#include "Remark.h"
#include "escape/remark_catalog.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"

namespace escape {

namespace {

/// The function whose code Loc is, by its IR name (mangled for C++, as the
/// YAML's other names are; printing demangles it): the debug info's linkage
/// name, else the name the function had, else the debug info's name.
llvm::StringRef functionOf(const llvm::DILocation &Loc,
                           const SubprogramNameMap &Names) {
  const llvm::DISubprogram *Program = Loc.getScope()->getSubprogram();
  if (!Program)
    return "?";
  llvm::StringRef Linkage = Program->getLinkageName();
  if (!Linkage.empty())
    return Linkage;
  auto It = Names.find(Program);
  return It != Names.end() ? llvm::StringRef(It->second) : Program->getName();
}

} // namespace

void noteSubprogramName(const llvm::Function &F, SubprogramNameMap &Names) {
  const llvm::DISubprogram *Program = F.getSubprogram();
  if (Program && Program->getLinkageName().empty() &&
      Program->getName() != F.getName())
    Names[Program] = F.getName().str();
}

void addInlineContext(Remark &R, const SubprogramNameMap &Names) {
  const llvm::DILocation *Loc = R.siteLocation();
  if (!Loc || !Loc->getInlinedAt())
    return;
  for (; Loc->getInlinedAt(); Loc = Loc->getInlinedAt())
    R.arg(ESCAPE_KEY_INLINED_FROM, functionOf(*Loc, Names),
          Loc->getInlinedAt());
  const char *Function = R.data().function;
  R.arg(ESCAPE_KEY_INLINED_INTO,
        Function ? llvm::StringRef(Function) : functionOf(*Loc, Names));
}

} // namespace escape
