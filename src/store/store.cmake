# Store: articles, facts and the latest report in SQLite (crosscheck analyze --db FILE).
add_library(cc_store STATIC store/facts_codec.cc store/store.cc store/story_memory.cc)
target_link_libraries(cc_store PUBLIC cc_facts cc_reconcile PkgConfig::SQLITE PkgConfig::XXHASH nlohmann_json::nlohmann_json)
crosscheck_test(store_test SOURCES store/facts_codec_test.cc store/store_test.cc store/store_cli_test.cc LIBS cc_store)
target_link_libraries(crosscheck PRIVATE cc_store)  # analyze --db
