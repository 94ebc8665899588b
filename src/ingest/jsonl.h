// JSON Lines reader: one object per line with `url` and `html` or `text`, optionally `id`
// (string or number; the line number when absent). A bad line is an error of its own;
// the other lines are still read.
#pragma once

#include <string_view>

#include "ingest/document.h"

namespace crosscheck {

// Returns the number of errors reported.
size_t ReadJsonLines(std::string_view source, std::string_view bytes, const DocumentSink& on_document,
                     const ErrorSink& on_error);

}  // namespace crosscheck
