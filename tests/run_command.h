// Runs the crosscheck command as a user would (path from $CROSSCHECK_BIN, set by CTest)
// and captures its standard output, standard error and exit code.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "test_files.h"

namespace crosscheck::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out, err;
};

inline CommandResult RunCrosscheck(const std::string& args, const std::string& stdin_path = "") {
  const char* bin = std::getenv("CROSSCHECK_BIN");
  TempDir tmp;
  std::string out = tmp.path() + "/out", err = tmp.path() + "/err";
  std::string cmd = std::string(bin ? bin : "crosscheck") + " " + args + " >" + out + " 2>" + err;
  if (!stdin_path.empty()) cmd += " <" + stdin_path;
  int status = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

}  // namespace crosscheck::testing
