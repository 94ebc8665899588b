# Stage 4 (group/): copies (MinHash + LSH), streaming stories, events inside stories.
add_library(cc_group STATIC
  ${CMAKE_CURRENT_LIST_DIR}/minhash.cc
  ${CMAKE_CURRENT_LIST_DIR}/terms.cc
  ${CMAKE_CURRENT_LIST_DIR}/story_clusterer.cc
  ${CMAKE_CURRENT_LIST_DIR}/story_centroids.cc
  ${CMAKE_CURRENT_LIST_DIR}/stray_articles.cc
  ${CMAKE_CURRENT_LIST_DIR}/related_stories.cc
  ${CMAKE_CURRENT_LIST_DIR}/text_partition.cc
  ${CMAKE_CURRENT_LIST_DIR}/event_splitter.cc
  ${CMAKE_CURRENT_LIST_DIR}/group.cc
  ${CMAKE_CURRENT_LIST_DIR}/grouping_json.cc)
# cc_facts: ArticleFacts and EntityKey (the analysis of stage 3).
target_link_libraries(cc_group PUBLIC cc_core cc_facts PkgConfig::XXHASH nlohmann_json::nlohmann_json)

crosscheck_test(group_test SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/hash_counts_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/minhash_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/terms_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/story_clusterer_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/text_partition_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/story_centroids_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/stray_articles_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/related_stories_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/event_splitter_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/group_test.cc
  LIBS cc_group)
