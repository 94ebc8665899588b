# Source reliability: truth discovery over (source, item, value) claims.
add_library(cc_truth STATIC ${CMAKE_CURRENT_LIST_DIR}/truth.cc)
target_link_libraries(cc_truth PUBLIC cc_core)
crosscheck_test(truth_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/truth_test.cc LIBS cc_truth)
