// A one-line progress counter on stderr, shown only when stderr is a terminal.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace crosscheck {

class Progress {
 public:
  explicit Progress(std::string label);
  ~Progress();
  void Tick(size_t done);

 private:
  std::string label_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace crosscheck
