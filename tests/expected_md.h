// Reading ../shared/seeds/EXPECTED.md the way the seed acceptance tests need it: a section by
// its heading, and its bullets with continuation lines joined.
#pragma once

#include <sstream>
#include <string>
#include <vector>

namespace crosscheck::testing {

// From `heading` up to the next "### " heading; "" when the heading is absent.
inline std::string Section(const std::string& md, const std::string& heading) {
  size_t begin = md.find(heading);
  if (begin == std::string::npos) return "";
  size_t end = md.find("\n### ", begin + heading.size());
  return md.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

// "- " items of a section, each with its indented continuation lines joined by a space.
inline std::vector<std::string> Bullets(const std::string& section) {
  std::vector<std::string> out;
  std::istringstream in(section);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("- ", 0) == 0) out.push_back(line.substr(2));
    else if (!out.empty() && line.rfind("  ", 0) == 0) out.back().append(" ").append(line, 2);
  }
  return out;
}

}  // namespace crosscheck::testing
