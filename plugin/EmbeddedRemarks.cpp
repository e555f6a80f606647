//===- EmbeddedRemarks.cpp - the remarks inside the object file -----------===//

#include "EmbeddedRemarks.h"

#include "escape/remark_section.h"
#include "escape/strbuf.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

using namespace llvm;

namespace escape {

bool embedRemarks(Module &M, StringRef Yaml) {
  escape_strbuf Record;
  escape_strbuf_init(&Record);
  if (escape_remark_section_append(&Record, Yaml.data(), Yaml.size(),
                                   ESCAPE_REMARK_SECTION_SMALLEST)) {
    escape_strbuf_release(&Record);
    return false;
  }
  LLVMContext &Context = M.getContext();
  Constant *Data = ConstantDataArray::getString(
      Context, StringRef(Record.buf, Record.len), /*AddNull=*/false);
  escape_strbuf_release(&Record);
  auto *Section =
      new GlobalVariable(M, Data->getType(), /*isConstant=*/true,
                         GlobalValue::PrivateLinkage, Data, "escape.remarks");
  Section->setSection(ESCAPE_REMARK_SECTION_NAME);
  Section->setAlignment(Align(1));
  // Not address-significant: no symbol or .llvm_addrsig entry for it.
  Section->setUnnamedAddr(GlobalValue::UnnamedAddr::Global);
  // SHF_EXCLUDE: the linker leaves the section out of what it links.
  Section->setMetadata(LLVMContext::MD_exclude, MDNode::get(Context, {}));
  // Nothing refers to it; keep it through LTO and the backend.
  appendToCompilerUsed(M, {Section});
  return true;
}

} // namespace escape
