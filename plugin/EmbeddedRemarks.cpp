//===- EmbeddedRemarks.cpp - the remarks inside the object file -----------===//

#include "EmbeddedRemarks.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Compression.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

#include <cstdint>

using namespace llvm;

namespace escape {

namespace {

constexpr char SectionName[] = ".escape.remarks";
constexpr char Magic[] = "ESCREMK1";
enum Encoding : uint32_t { PlainYaml = 0, Zlib = 1 };

void appendLittleEndian(std::string &Out, uint64_t Value, unsigned Bytes) {
  for (unsigned I = 0; I < Bytes; ++I)
    Out.push_back(static_cast<char>((Value >> (8 * I)) & 0xff));
}

} // namespace

std::string makeRemarksRecord(StringRef Yaml) {
  SmallVector<uint8_t, 0> Compressed;
  if (compression::zlib::isAvailable() && !Yaml.empty())
    compression::zlib::compress(arrayRefFromStringRef(Yaml), Compressed);
  bool UseZlib = !Compressed.empty() && Compressed.size() < Yaml.size();
  StringRef Payload = UseZlib ? toStringRef(Compressed) : Yaml;
  std::string Record(Magic, 8);
  appendLittleEndian(Record, UseZlib ? Zlib : PlainYaml, 4);
  appendLittleEndian(Record, 0, 4);
  appendLittleEndian(Record, Payload.size(), 8);
  appendLittleEndian(Record, Yaml.size(), 8);
  Record.append(Payload.data(), Payload.size());
  return Record;
}

void embedRemarks(Module &M, StringRef Yaml) {
  LLVMContext &Context = M.getContext();
  Constant *Data = ConstantDataArray::getString(
      Context, makeRemarksRecord(Yaml), /*AddNull=*/false);
  auto *Section =
      new GlobalVariable(M, Data->getType(), /*isConstant=*/true,
                         GlobalValue::PrivateLinkage, Data, "escape.remarks");
  Section->setSection(SectionName);
  Section->setAlignment(Align(1));
  // Not address-significant: no symbol or .llvm_addrsig entry for it.
  Section->setUnnamedAddr(GlobalValue::UnnamedAddr::Global);
  // SHF_EXCLUDE: the linker leaves the section out of what it links.
  Section->setMetadata(LLVMContext::MD_exclude, MDNode::get(Context, {}));
  // Nothing refers to it; keep it through LTO and the backend.
  appendToCompilerUsed(M, {Section});
}

} // namespace escape
