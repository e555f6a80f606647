# lit configuration for escape's end-to-end tests.
import os
import sys

import lit.formats

config.name = "escape"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.escape_binary_root, "lit")

tools = config.llvm_tools_dir
clang = os.path.join(tools, "clang")
config.substitutions.append(("%escape_plugin", config.escape_plugin))
# The build tree (for `cmake --install`); before %escape, its prefix.
config.substitutions.append(("%escape_build", config.escape_binary_root))
config.substitutions.append(("%escape", config.escape_driver))
config.substitutions.append(("%clangxx", clang + "++"))
config.substitutions.append(("%clang", clang))
config.substitutions.append(("%remarkutil", os.path.join(tools, "llvm-remarkutil")))
# The Python running lit, for checks of JSON and SARIF structure.
config.substitutions.append(("%python", sys.executable))
config.substitutions.append(("%FileCheck", os.path.join(tools, "FileCheck")))
# The oracle (scripts/crosscheck.sh) with this build's plugin and LLVM.
config.substitutions.append(("%crosscheck", "bash %s --plugin %s --llvm-bin %s" % (
    os.path.join(config.escape_source_root, "scripts", "crosscheck.sh"),
    config.escape_plugin, tools)))
config.substitutions.append(("%xcheck_compare", "%s %s compare" % (
    sys.executable,
    os.path.join(config.escape_source_root, "scripts", "crosscheck.py"))))
# The linker for the link-time (LTO) tests: the lld of the same LLVM, which
# runs that LLVM's optimizer and so can load the plugin.
lld = os.path.join(tools, "ld.lld")
config.substitutions.append(("%lld", lld))

# Which LLVM the plugin was built for: `REQUIRES: llvm22` / `UNSUPPORTED:
# llvm19` where the compilers really differ, `REQUIRES: lld` for link-time
# tests.
config.available_features.add("llvm" + config.llvm_version_major)
# For FileCheck prefixes that differ by version (--check-prefixes=CHECK,
# LLVM%llvm_major), where the optimizer itself decides differently.
config.substitutions.append(("%llvm_major", config.llvm_version_major))
if os.path.exists(lld):
    config.available_features.add("lld")

# FileCheck, not, count and llvm-* from LLVM's own tools directory.
config.environment["PATH"] = os.pathsep.join(
    [tools, config.environment.get("PATH", os.environ.get("PATH", ""))])
# Diagnostics must not depend on the terminal.
config.environment["TERM"] = "dumb"
for var in ["CCC_OVERRIDE_OPTIONS", "CPATH", "C_INCLUDE_PATH",
            "CPLUS_INCLUDE_PATH"]:
    config.environment.pop(var, None)

# Features: tools some tests need besides LLVM's.
import shutil
if shutil.which("dpkg-deb") and shutil.which("cpack"):
    config.available_features.add("dpkg-deb")
# util-linux's script(1) runs a command on a pseudo-terminal.
if shutil.which("script"):
    config.available_features.add("script")

# Remarks embedded in objects (plugin argument `embed`): the writer of
# .escape.remarks section contents (test/make_section.c) for hand-made
# objects, and the caching
# and distributing tools the end-to-end tests run when they are installed
# (scripts/deps.sh installs them; otherwise those tests are UNSUPPORTED).
config.substitutions.append(
    ("%make_section", os.path.join(config.escape_binary_root, "test",
                                   "make_section")))
for tool, programs in [("ccache", ["ccache"]),
                       ("distcc", ["distcc", "distccd"]),
                       ("sccache", ["sccache"])]:
    if all(shutil.which(p) for p in programs):
        config.available_features.add(tool)

# escape lsp: the scripted JSON-RPC client, and Neovim (Debian's neovim,
# an optional group of scripts/deps.sh) for the real-editor test.
config.substitutions.append(
    ("%lsp_client", sys.executable + " " + os.path.join(
        config.escape_source_root, "lit", "Inputs", "lsp", "lsp_client.py")))
if shutil.which("nvim"):
    config.available_features.add("nvim")

# The report site in a real browser: Debian's chromium, headless
# (scripts/deps.sh installs it; otherwise lit/report-site-browser.test is
# UNSUPPORTED).
config.substitutions.append(
    ("%browser", "sh " + os.path.join(config.escape_source_root, "lit",
                                      "Inputs", "site", "browser.sh")))
if shutil.which("chromium"):
    config.available_features.add("chromium")
