//===- NoisePolicy.cpp - which remarks print only with verbose ------------===//

#include "NoisePolicy.h"

#include "escape/remark_catalog.h"

namespace escape {

bool isDefaultNoise(const Remark &R) {
  const escape_remark &Data = R.data();
  return escape_catalog_is_default_noise(escape_catalog_of(&Data), &Data,
                                         R.isInLoop() || R.isHot());
}

} // namespace escape
