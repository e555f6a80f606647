//===- Remark.cpp - one finding on its way to diagnostics and YAML --------===//

#include "Remark.h"

#include "llvm/IR/DebugInfoMetadata.h"

#include <string>

namespace escape {

Remark::Remark(escape_remark_type Type, llvm::StringRef Name,
               llvm::StringRef Function) {
  escape_remark_init(&Data);
  Complete = escape_remark_set(&Data, Type, "escape", Name.str().c_str(),
                               Function.str().c_str()) == 0;
}

Remark::Remark(Remark &&Other) noexcept
    : Data(Other.Data), PrintLoc(Other.PrintLoc), InLoop(Other.InLoop),
      InSystemHeader(Other.InSystemHeader), Complete(Other.Complete) {
  escape_remark_init(&Other.Data);
}

Remark &Remark::operator=(Remark &&Other) noexcept {
  if (this == &Other)
    return *this;
  escape_remark_clear(&Data);
  Data = Other.Data;
  PrintLoc = Other.PrintLoc;
  InLoop = Other.InLoop;
  InSystemHeader = Other.InSystemHeader;
  Complete = Other.Complete;
  escape_remark_init(&Other.Data);
  return *this;
}

Remark::~Remark() { escape_remark_clear(&Data); }

Remark &Remark::at(const SourcePos &Pos) {
  PrintLoc = Pos.Loc;
  InSystemHeader = Pos.InSystemHeader;
  Complete &=
      escape_remark_set_loc(&Data, Pos.File.c_str(), Pos.Line, Pos.Column) == 0;
  return *this;
}

Remark &Remark::at(const llvm::DILocation *Loc) {
  if (!Loc)
    return *this;
  Complete &= escape_remark_set_loc(&Data, Loc->getFilename().str().c_str(),
                                    Loc->getLine(), Loc->getColumn()) == 0;
  return *this;
}

Remark &Remark::arg(llvm::StringRef Key, llvm::StringRef Value) {
  Complete &= escape_remark_add_arg(&Data, Key.str().c_str(),
                                    Value.str().c_str(), nullptr) == 0;
  return *this;
}

Remark &Remark::arg(llvm::StringRef Key, llvm::StringRef Value,
                    const SourcePos &Pos) {
  std::string File = Pos.File;
  escape_loc Loc{File.data(), Pos.Line, Pos.Column};
  Complete &= escape_remark_add_arg(&Data, Key.str().c_str(),
                                    Value.str().c_str(), &Loc) == 0;
  return *this;
}

Remark &Remark::arg(llvm::StringRef Key, llvm::StringRef Value,
                    const llvm::DILocation *DL) {
  if (!DL)
    return arg(Key, Value);
  std::string File = DL->getFilename().str();
  escape_loc Loc{File.data(), DL->getLine(), DL->getColumn()};
  Complete &= escape_remark_add_arg(&Data, Key.str().c_str(),
                                    Value.str().c_str(), &Loc) == 0;
  return *this;
}

Remark &Remark::inLoop(bool Value) {
  InLoop = Value;
  return *this;
}

} // namespace escape
