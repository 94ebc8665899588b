#include "extract/charset.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

TEST(CharsetTest, DeclaredCharsetIsFoundInMetaTags) {
  EXPECT_EQ(DeclaredHtmlCharset("<meta charset=\"Windows-1252\">"), "windows-1252");
  EXPECT_EQ(DeclaredHtmlCharset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"),
            "windows-1252");  // browsers read Latin-1 as windows-1252
  EXPECT_EQ(DeclaredHtmlCharset("<p>no declaration</p>"), "");
}

TEST(CharsetTest, ConvertsDeclaredAndGuessesUndeclared) {
  auto declared = HtmlToUtf8("<p>\x93quoted\x94</p>", "windows-1252");
  ASSERT_TRUE(declared.ok());
  EXPECT_EQ(declared.value(), "<p>\xE2\x80\x9Cquoted\xE2\x80\x9D</p>");
  auto shift_jis = HtmlToUtf8("<meta charset=\"shift_jis\"><p>\x93\xfa\x96\x7b</p>", "");
  ASSERT_TRUE(shift_jis.ok());
  EXPECT_NE(shift_jis.value().find("\xE6\x97\xA5\xE6\x9C\xAC"), std::string::npos);  // 日本
  auto bad_utf8 = HtmlToUtf8("<meta charset=\"utf-8\"><p>ok \xff here</p>", "");
  ASSERT_TRUE(bad_utf8.ok());
  EXPECT_NE(bad_utf8.value().find("ok \xEF\xBF\xBD here"), std::string::npos);  // U+FFFD, rest kept
  EXPECT_FALSE(HtmlToUtf8("<p>x</p>", "no-such-charset-name").ok());
}

}  // namespace
}  // namespace crosscheck
