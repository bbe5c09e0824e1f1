// SPDX-License-Identifier: MIT
// policygraph: parse → load → build → analyse → export; see run.cpp and commands/.
#include <iostream>
#include <string>
#include <vector>

#include "run.hpp"
#include "support/temporary_files.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // An export or a cache write interrupted by Ctrl-C or a kill removes its temporary file.
  policygraph::support::remove_temporaries_on_signals();
  std::vector<std::string> args(argv + 1, argv + argc);
  return policygraph::cli::run(args, std::cout, std::cerr, policygraph::cli::Terminal::detect());
}
