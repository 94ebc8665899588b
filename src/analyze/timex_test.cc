#include "analyze/timex.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {
namespace {

CivilTime Day(int y, int m, int d) {
  CivilTime t;
  t.year = y, t.month = m, t.day = d;
  return t;
}

// Publication date used by most tests: Wednesday 1 April 2026.
const CivilTime kWednesday = Day(2026, 4, 1);

struct Found {
  std::string text;
  TimeExpression e;
};

std::vector<Found> Tag(std::string_view text, const std::optional<CivilTime>& ref = kWednesday) {
  std::vector<Found> out;
  for (const TimeExpression& e : FindTimeExpressions(text, ref))
    out.push_back({std::string(text.substr(e.span.begin, e.span.end - e.span.begin)), e});
  return out;
}

// The one expression whose text is `span`; fails the test when there is none.
TimeExpression Expr(std::string_view text, std::string_view span, const std::optional<CivilTime>& ref = kWednesday) {
  for (const Found& f : Tag(text, ref))
    if (f.text == span) return f.e;
  ADD_FAILURE() << "no time expression \"" << span << "\" in: " << text;
  return {};
}

TEST(Timex, LastFridayIsThePreviousWeeksFriday) {
  TimeExpression e = Expr("Police arrested the suspect last Friday in Leeds.", "last Friday");
  EXPECT_EQ(e.type, TimeType::kDate);
  EXPECT_EQ(e.value, "2026-03-27");
  EXPECT_EQ(e.weekday, 5);
  EXPECT_EQ(e.anchor, "publication");
  EXPECT_LT(e.confidence, 1.0f);
}

TEST(Timex, BareWeekdayIsTheLatestPastOneUnlessTheSentenceLooksAhead) {
  EXPECT_EQ(Expr("The minister resigned on Monday.", "Monday").value, "2026-03-30");
  EXPECT_EQ(Expr("The council met Wednesday to vote.", "Wednesday").value, "2026-04-01");  // the same day
  EXPECT_EQ(Expr("The committee will vote on Friday.", "Friday").value, "2026-04-03");
}

TEST(Timex, WeekdayStatedWithTheExpressionIsKept) {
  TimeExpression e = Expr("Tuesday's talks in Geneva ended without a deal.", "Tuesday");
  EXPECT_EQ(e.weekday, 2);
  EXPECT_EQ(e.value, "2026-03-31");
  TimeExpression d = Expr("The vote was held on Sunday, March 29, after weeks of delay.", "Sunday, March 29");
  EXPECT_EQ(d.weekday, 7);
  EXPECT_EQ(d.value, "2026-03-29");
}

TEST(Timex, MidMonthTakesTheYearNearestThePublicationDate) {
  TimeExpression e = Expr("Repairs should be finished by mid-May, the mayor said.", "mid-May");
  EXPECT_EQ(e.value, "2026-05");
  EXPECT_EQ(e.mod, "MID");
  // A month long past leans back into last year.
  EXPECT_EQ(Expr("The strike began in October and is still going on.", "October").value, "2025-10");
}

TEST(Timex, PartsOfPeriodsGetStartMidEnd) {
  EXPECT_EQ(Expr("Elections are due in early December.", "early December").mod, "START");
  TimeExpression late = Expr("The plant will close in late 2025 or soon after.", "late 2025");
  EXPECT_EQ(late.value, "2025");
  EXPECT_EQ(late.mod, "END");
  EXPECT_EQ(Expr("Prices rose sharply earlier this year.", "earlier this year").value, "2026");
}

TEST(Timex, DurationsWithFuzzyModifiers) {
  TimeExpression over = Expr("The meeting lasted just over an hour.", "just over an hour");
  EXPECT_EQ(over.type, TimeType::kDuration);
  EXPECT_EQ(over.value, "PT1H");
  EXPECT_EQ(over.mod, "MORE_THAN");
  EXPECT_EQ(Expr("The flight took about an hour.", "about an hour").mod, "APPROX");
  TimeExpression under = Expr("Firefighters had the blaze out in under two hours.", "under two hours");
  EXPECT_EQ(under.value, "PT2H");
  EXPECT_EQ(under.mod, "LESS_THAN");
  EXPECT_EQ(Expr("The war lasted two decades.", "two decades").value, "P20Y");
  EXPECT_EQ(Expr("He served 5 1/2 years in prison.", "5 1/2 years").value, "P5Y6M");
  EXPECT_EQ(Expr("Talks dragged on for three days.", "three days").value, "P3D");
  EXPECT_EQ(Expr("Shares hit a five-year low.", "five-year").value, "P5Y");
  EXPECT_EQ(Expr("Tensions have risen in the coming weeks.", "the coming weeks").value, "PXW");
}

TEST(Timex, AgesAreNotTimeExpressions) {
  EXPECT_TRUE(Tag("A 45-year-old man was charged.").empty());
  EXPECT_TRUE(Tag("The girl, five years old, was unhurt.").empty());
}

TEST(Timex, RelativeCalendarUnits) {
  EXPECT_EQ(Expr("Sales fell last week.", "last week").value, "2026-W13");
  EXPECT_EQ(Expr("Sales fell this month.", "this month").value, "2026-04");
  EXPECT_EQ(Expr("Sales fell last year.", "last year").value, "2025");
  EXPECT_EQ(Expr("The law took effect three years ago.", "three years ago").value, "2023");
  EXPECT_EQ(Expr("He was arrested yesterday.", "yesterday").value, "2026-03-31");
  EXPECT_EQ(Expr("The storm hit this morning.", "this morning").value, "2026-04-01TMO");
  EXPECT_EQ(Expr("Profit rose in the third quarter.", "the third quarter").value, "2026-Q3");
  EXPECT_EQ(Expr("Music of the 1990s returns.", "the 1990s").value, "199");
  EXPECT_EQ(Expr("Harvests were poor last summer.", "last summer").value, "2025-SU");
}

TEST(Timex, PresentPastAndFutureReferences) {
  EXPECT_EQ(Expr("The town is now rebuilding.", "now").value, "PRESENT_REF");
  EXPECT_EQ(Expr("She recently moved to Oslo.", "recently").value, "PAST_REF");
  EXPECT_EQ(Expr("Nobody knows what the future holds.", "the future").value, "FUTURE_REF");
}

TEST(Timex, AbsoluteDatesAndTimes) {
  TimeExpression d = Expr("The treaty was signed on 12 March 2024 in Vienna.", "12 March 2024");
  EXPECT_EQ(d.value, "2024-03-12");
  EXPECT_EQ(d.anchor, "none");  // it needed no anchor
  EXPECT_FLOAT_EQ(d.confidence, 1.0f);
  EXPECT_EQ(Expr("Results came on Aug. 7, 2025, a Thursday.", "Aug. 7, 2025").value, "2025-08-07");
  EXPECT_EQ(Expr("The data file is dated 2025-11-30.", "2025-11-30").value, "2025-11-30");
  TimeExpression t = Expr("Polls close at 10:30 p.m. Thursday.", "10:30 p.m. Thursday");
  EXPECT_EQ(t.type, TimeType::kTime);
  EXPECT_EQ(t.value, "2026-03-26T22:30");
  EXPECT_EQ(t.weekday, 4);
  EXPECT_EQ(Expr("Unemployment peaked in 2009.", "2009").value, "2009");
}

TEST(Timex, NumbersThatAreNotYears) {
  EXPECT_TRUE(Tag("The rebels had 2000 troops and $1999 in cash.").empty());
}

TEST(Timex, Sets) {
  TimeExpression daily = Expr("Trains run daily between the two cities.", "daily");
  EXPECT_EQ(daily.type, TimeType::kSet);
  EXPECT_EQ(daily.value, "P1D");
  EXPECT_EQ(Expr("The board meets every week.", "every week").value, "P1W");
  EXPECT_EQ(Expr("Markets open on Sundays.", "Sundays").value, "XXXX-WXX-7");
}

TEST(Timex, UnknownPublicationDateAnchorsOnTheLatestDateInTheText) {
  std::string text = "Troops left the city on March 3, 2026. On Friday, aid convoys arrived.";
  TimeExpression friday = Expr(text, "Friday", std::nullopt);
  EXPECT_EQ(friday.anchor, "text");
  EXPECT_EQ(friday.value, "2026-02-27");  // the Friday before Tuesday 3 March
  EXPECT_EQ(Expr(text, "March 3, 2026", std::nullopt).anchor, "none");
  EXPECT_LT(friday.confidence, Expr("On Friday, aid convoys arrived.", "Friday").confidence);
}

TEST(Timex, NothingToAnchorOnLeavesRelativeValuesOpen) {
  TimeExpression y = Expr("The bridge collapsed yesterday.", "yesterday", std::nullopt);
  EXPECT_EQ(y.value, "XXXX-XX-XX");
  EXPECT_EQ(y.anchor, "none");
  EXPECT_EQ(Expr("Exports fell last year.", "last year", std::nullopt).value, "XXXX");
  EXPECT_EQ(Expr("Exports fell last week.", "last week", std::nullopt).value, "XXXX-WXX");
  EXPECT_EQ(Expr("The ceasefire lasted two days.", "two days", std::nullopt).value, "P2D");  // needs no anchor
}

TEST(Timex, SpansAreByteOffsetsInUtf8Text) {
  std::string text = "Zürich – Officials met on Monday in the café.";
  std::vector<Found> found = Tag(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text, "Monday");
  EXPECT_EQ(found[0].e.span.begin, text.find("Monday"));
}

TEST(Timex, MonthNamesNeedToLookLikeMonths) {
  EXPECT_TRUE(Tag("Thousands joined the March for Life. They may march again.").empty());
  EXPECT_EQ(Expr("Voting ends in May, officials said.", "May").value, "2026-05");
}

TEST(Timex, HolidaysResolveToTheNearestOccurrence) {
  EXPECT_EQ(Expr("Shops were busy before Christmas.", "Christmas").value, "2025-12-25");
  EXPECT_EQ(Expr("Crowds gathered on Easter Sunday.", "Easter Sunday").value, "2026-04-05");
}

}  // namespace
}  // namespace crosscheck
