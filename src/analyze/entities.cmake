add_library(cc_entities STATIC ${CMAKE_CURRENT_LIST_DIR}/entities.cc ${CMAKE_CURRENT_LIST_DIR}/roles.cc)
target_link_libraries(cc_entities PUBLIC cc_analyze)
crosscheck_test(entities_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/entities_test.cc ${CMAKE_CURRENT_LIST_DIR}/roles_test.cc LIBS cc_entities)
