// Gzip decompression (zlib), including files of several concatenated members (as WARC.gz).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace crosscheck {

bool LooksGzipped(std::string_view bytes);

// Whole-buffer inflate; fails on corrupt or truncated input or when the output would
// exceed max_output bytes.
Result<std::string> Gunzip(std::string_view compressed, size_t max_output);

// Streaming inflate: `read` fills a buffer with compressed bytes (returns 0 at end of input),
// `emit` receives decompressed chunks and returns false to stop early.
Status GunzipStream(const std::function<size_t(char*, size_t)>& read,
                    const std::function<bool(std::string_view)>& emit);

}  // namespace crosscheck
