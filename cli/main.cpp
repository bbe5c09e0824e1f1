// SPDX-License-Identifier: MIT
// policygraph: parse → load → build → analyse → export; see run.cpp and commands/.
#include <iostream>
#include <string>
#include <vector>

#include "run.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  return policygraph::cli::run(args, std::cout, std::cerr, policygraph::cli::Terminal::detect());
}
