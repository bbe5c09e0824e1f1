# SPDX-License-Identifier: MIT
# Warnings for the project's own targets only; never exported to consumers of the package.
add_library(policygraph_warnings INTERFACE)
target_compile_options(policygraph_warnings INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion>)
