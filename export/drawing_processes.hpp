// SPDX-License-Identifier: MIT
// Many Graphviz drawings at once. Graphviz keeps its state in globals, so one process lays
// out one graph at a time: drawings are shared among processes instead of threads.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace policygraph::export_detail {

/// The drawing draw(i) of every i in [0, count) with wanted(i) (an empty string for the
/// others), made by `processes` processes: this one and children forked for the purpose,
/// each writing its drawings into an anonymous file (memfd) that this process reads once
/// the child has exited. Drawings a child failed to make are made here, so an exception
/// from draw(i) reaches the caller. Only a caller that knows the process has no other
/// threads running may ask for more than one process (the command line does); a library
/// caller keeps 1.
std::vector<std::string> draw_in_processes(std::size_t count, std::size_t processes,
                                           const std::function<bool(std::size_t)>& wanted,
                                           const std::function<std::string(std::size_t)>& draw);

}  // namespace policygraph::export_detail
