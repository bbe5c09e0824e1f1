// SPDX-License-Identifier: MIT
// Helpers of the export tests: run a command, read XML and CSV back.
#pragma once

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace policygraph::testing {

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

/// A fresh folder under the build tree for one test.
inline std::filesystem::path scratch_folder(const std::string& name) {
  auto folder = std::filesystem::path(POLICYGRAPH_BINARY_DIR) / "export-test-scratch" / name;
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  return folder;
}

struct CommandResult {
  int status = -1;
  std::string out, err;
};

/// Runs `command` through the shell with stdout and stderr captured.
inline CommandResult run_command(const std::string& command, const std::filesystem::path& folder) {
  auto out = folder / "command.out", err = folder / "command.err";
  CommandResult result;
  result.status = std::system((command + " >'" + out.string() + "' 2>'" + err.string() + "'").c_str());
  result.out = read_text(out);
  result.err = read_text(err);
  return result;
}

inline bool have_program(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

/// An RFC 4180 reader: rows of fields.
inline std::vector<std::vector<std::string>> read_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool in_quotes = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        field += '"', ++i;
      else if (c == '"')
        in_quotes = false;
      else
        field += c;
    } else if (c == '"') {
      in_quotes = true;
    } else if (c == ',') {
      row.push_back(field), field.clear();
    } else if (c == '\n') {
      row.push_back(field), field.clear();
      rows.push_back(row), row.clear();
    } else {
      field += c;
    }
  }
  return rows;
}

inline boost::property_tree::ptree parse_xml(const std::string& text) {
  std::istringstream in(text);
  boost::property_tree::ptree tree;
  boost::property_tree::read_xml(in, tree);
  return tree;
}

}  // namespace policygraph::testing
