# Time-expression tagger (analyze/timex.h): its library and unit tests.
add_library(cc_timex STATIC ${CMAKE_CURRENT_LIST_DIR}/timex.cc)
target_link_libraries(cc_timex PUBLIC cc_core PkgConfig::RE2 PkgConfig::ICU)
crosscheck_test(timex_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/timex_test.cc LIBS cc_timex)
