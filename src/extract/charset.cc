#include "extract/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <memory>

#include "core/text.h"

namespace crosscheck {
namespace {

std::string NormaliseCharsetName(std::string name) {
  name = AsciiLower(std::string(Trim(name)));
  if (name == "iso-8859-1" || name == "latin1" || name == "latin-1" || name == "us-ascii" || name == "ascii" ||
      name == "iso8859-1" || name == "cp1252")
    return "windows-1252";
  if (name == "utf8") return "utf-8";
  return name;
}

Result<std::string> Convert(std::string_view bytes, const std::string& from) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(from.c_str(), &err), ucnv_close);
  if (U_FAILURE(err)) return Status::Error("unknown character set \"" + from + "\"");
  std::unique_ptr<UConverter, decltype(&ucnv_close)> utf8(ucnv_open("UTF-8", &err), ucnv_close);
  std::string out(bytes.size() * 3 + 16, '\0');
  char* target = out.data();
  const char* source = bytes.data();
  ucnv_convertEx(utf8.get(), conv.get(), &target, out.data() + out.size(), &source, bytes.data() + bytes.size(),
                 nullptr, nullptr, nullptr, nullptr, true, true, &err);
  if (U_FAILURE(err)) return Status::Error(std::string("cannot convert from ") + from + ": " + u_errorName(err));
  out.resize(static_cast<size_t>(target - out.data()));
  return out;
}

}  // namespace

std::string DeclaredHtmlCharset(std::string_view html) {
  std::string head = AsciiLower(html.substr(0, 4096));
  size_t p = 0;
  while ((p = head.find("charset", p)) != std::string::npos) {
    p += 7;
    size_t q = p;
    while (q < head.size() && (head[q] == ' ' || head[q] == '=' || head[q] == '"' || head[q] == '\'')) ++q;
    if (q == p) continue;
    size_t e = q;
    while (e < head.size() && (IsAsciiAlnum(head[e]) || head[e] == '-' || head[e] == '_')) ++e;
    if (e > q) return NormaliseCharsetName(head.substr(q, e - q));
  }
  return "";
}

bool IsUtf8Already(std::string_view bytes, std::string_view declared) {
  std::string charset = NormaliseCharsetName(std::string(declared));
  if (charset.empty()) charset = DeclaredHtmlCharset(bytes);
  return (charset.empty() || charset == "utf-8") && !StartsWith(bytes, "\xEF\xBB\xBF") && IsValidUtf8(bytes);
}

Result<std::string> HtmlToUtf8(std::string_view bytes, std::string_view declared) {
  if (StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::string charset = NormaliseCharsetName(std::string(declared));
  if (charset.empty()) charset = DeclaredHtmlCharset(bytes);
  bool valid = IsValidUtf8(bytes);
  if (charset.empty() || charset == "utf-8") {
    if (valid) return std::string(bytes);
    if (charset.empty()) {
      // Nothing declared: let ICU guess (typically windows-1252 or a legacy CJK set).
      UErrorCode err = U_ZERO_ERROR;
      std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&err), ucsdet_close);
      ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 16)), &err);
      const UCharsetMatch* match = ucsdet_detect(det.get(), &err);
      if (U_SUCCESS(err) && match) {
        const char* name = ucsdet_getName(match, &err);
        if (U_SUCCESS(err) && name) charset = NormaliseCharsetName(name);
      }
    }
    // Declared UTF-8 with a few bad bytes: keep the rest, replace those with U+FFFD.
    if (charset.empty()) charset = "utf-8";
  }
  return Convert(bytes, charset);
}

}  // namespace crosscheck
