#include "core/text.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

TEST(TextTest, CollapseSpaceFoldsUnicodeSpacesAndTrims) {
  EXPECT_EQ(CollapseSpace("  Harbor\xC2\xA0 Ledger\n\n\tnews \xE2\x80\x8B"), "Harbor Ledger news");
  EXPECT_EQ(CollapseSpace(""), "");
}

TEST(TextTest, Utf8ErrorOffsetPointsAtTheBadByte) {
  EXPECT_TRUE(IsValidUtf8("caf\xC3\xA9 and more plain ASCII text here"));
  EXPECT_EQ(Utf8ErrorOffset("abcdefghijkl\xE9z"), 12u);          // a lone Latin-1 byte after the fast path
  EXPECT_EQ(Utf8ErrorOffset("\xC0\x80"), 0u);                    // overlong encoding
  EXPECT_EQ(Utf8ErrorOffset("ok \xED\xA0\x80"), 3u);             // UTF-16 surrogate
  EXPECT_EQ(Utf8ErrorOffset("cut \xE2\x80"), 4u);                // truncated sequence
}

TEST(TextTest, CaseInsensitiveHelpers) {
  EXPECT_TRUE(IContains("Share This Article", "this ARTICLE"));
  EXPECT_FALSE(IContains("Share", "Shares"));
  EXPECT_TRUE(IEquals("WARC-Type", "warc-type"));
  EXPECT_EQ(AsciiLower("Content-Length"), "content-length");
}

TEST(TextTest, WordsAndLines) {
  EXPECT_EQ(WordCount("Ferry capsized, 12 rescued - so far."), 6u);
  EXPECT_EQ(WordCount("\xE6\x97\xA5\xE6\x9C\xAC\xE3\x81\xAE news"), 4u);  // three CJK characters and a word
  auto lines = SplitLines("a\r\nb\n\nc");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "a");
  EXPECT_EQ(lines[2], "");
}

}  // namespace
}  // namespace crosscheck
