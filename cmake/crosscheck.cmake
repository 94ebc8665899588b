# crosscheck_test(NAME SOURCES... LIBS ...): one GoogleTest binary, registered with CTest.
# Tests run from the source tree so fixtures are found by relative path.
function(crosscheck_test name)
  cmake_parse_arguments(T "" "" "SOURCES;LIBS" ${ARGN})
  if(CROSSCHECK_FUZZ)
    return()
  endif()
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_LIBS} GTest::gtest GTest::gtest_main)
  gtest_discover_tests(${name} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
    PROPERTIES ENVIRONMENT "CROSSCHECK_BIN=$<TARGET_FILE:crosscheck>" DISCOVERY_TIMEOUT 60)
endfunction()
