//===- ReadableMessage.cpp - remark messages with the source's names ------===//

#include "ReadableMessage.h"

#include "escape/remark_catalog.h"
#include "escape/remark_sentence.h"
#include "escape/strbuf.h"

#include "llvm/Demangle/Demangle.h"

#include <cstdlib>
#include <cstring>
#include <vector>

namespace escape {

std::string readableName(const char *Name) {
  llvm::ItaniumPartialDemangler Demangler;
  if (!Demangler.partialDemangle(Name) && Demangler.isFunction()) {
    if (char *Function = Demangler.getFunctionName(nullptr, nullptr)) {
      std::string Readable(Function);
      std::free(Function);
      return Readable;
    }
  }
  return llvm::demangle(Name);
}

std::string readableMessage(const escape_remark &Data) {
  escape_remark Readable = Data;
  std::vector<escape_arg> Args(Data.args, Data.args + Data.arg_count);
  std::vector<std::string> Names;
  Names.reserve(Args.size());
  for (escape_arg &Arg : Args) {
    if (std::strcmp(Arg.key, ESCAPE_KEY_CALLEE) != 0 &&
        std::strcmp(Arg.key, ESCAPE_KEY_CALLER) != 0 &&
        std::strcmp(Arg.key, ESCAPE_KEY_IN_FUNCTION) != 0 &&
        std::strcmp(Arg.key, ESCAPE_KEY_INLINED_FROM) != 0 &&
        std::strcmp(Arg.key, ESCAPE_KEY_INLINED_INTO) != 0 &&
        std::strcmp(Arg.key, ESCAPE_KEY_HOP) != 0)
      continue;
    Names.push_back(readableName(Arg.value));
    Arg.value = Names.back().data();
  }
  Readable.args = Args.data();
  std::string Function = Data.function ? readableName(Data.function) : "";
  if (Data.function)
    Readable.function = Function.data();
  escape_strbuf Text;
  escape_strbuf_init(&Text);
  escape_remark_message(&Readable, &Text);
  std::string Message(Text.buf, Text.len);
  escape_strbuf_release(&Text);
  return Message;
}

} // namespace escape
