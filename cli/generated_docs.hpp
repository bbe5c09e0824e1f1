// SPDX-License-Identifier: MIT
// Shell completions and the man page, generated from the parser itself, so they can never
// disagree with --help.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace policygraph::cli {

std::string bash_completion(const CLI::App& app);
std::string zsh_completion(const CLI::App& app);
std::string man_page(const CLI::App& app);

}  // namespace policygraph::cli
