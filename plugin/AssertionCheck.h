//===- AssertionCheck.h - source assertions against the verdicts ----------===//
//
// At the end of optimization, with every remark of the TU collected: each
// `// escape:` assertion is held, violated (a compile error at the violating
// site, whatever the printing flags and -w say) or stale (a warning: nothing
// on its line to check); `// escape: ignore` marks the remarks it covers as
// suppressed (kept in the YAML with an empty `Suppressed` arg, not printed);
// and each assertion becomes an `Assertion` remark for the YAML, so that
// `escape report --assertions` lists them.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_ASSERTION_CHECK_H
#define ESCAPE_ASSERTION_CHECK_H

#include "Remark.h"
#include "escape/remark_catalog.h"

#include <vector>

namespace escape {

struct PluginState;

/// The arg that marks a suppressed remark. Its value is empty, so the
/// concatenated Args (the sentence opt-viewer shows) stay the same.
constexpr const char *SuppressedKey = ESCAPE_KEY_SUPPRESSED;

/// Checks State's assertions and suppressions against Remarks (sorted) and
/// the positive verdicts in Evidence (collected for the check only);
/// appends the Assertion remarks to Remarks.
void checkAssertions(PluginState &State, std::vector<Remark> &Remarks,
                     const std::vector<Remark> &Evidence);

/// True for remarks that are not printed: suppressed ones, Assertion
/// records (assertions report through errors and warnings of their own)
/// and Definition records (for the driver's join across translation units).
bool isQuietRemark(const escape_remark &Data);

} // namespace escape

#endif
