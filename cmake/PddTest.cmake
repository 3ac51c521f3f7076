# pdd_add_test(NAME <name> LABEL unit|integration|e2e SOURCES ... [LIBS ...]
#              [TIMEOUT s] [ENV VAR=value ...] [RESOURCE_LOCK lock ...])
# Builds a Qt Test executable and registers it with CTest under one label.
# GUI tests run with the offscreen platform so no display is needed.
# Compiled once, linked into every suite (pdd_add_test, and the two suites with
# an executable of their own): the language a suite runs in.
add_library(pdd_test_language OBJECT ${PROJECT_SOURCE_DIR}/tests/support/TestLanguage.cpp)
target_link_libraries(pdd_test_language PRIVATE pdd_i18n pdd_warnings)

function(pdd_add_test)
  cmake_parse_arguments(T "" "NAME;LABEL;TIMEOUT" "SOURCES;LIBS;ENV;RESOURCE_LOCK" ${ARGN})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  # TestLanguage.cpp: every suite starts in English with its plural forms (or PDD_TEST_LANGUAGE).
  add_executable(${T_NAME} ${T_SOURCES} $<TARGET_OBJECTS:pdd_test_language>)
  target_link_libraries(${T_NAME} PRIVATE Qt6::Test pdd_warnings pdd_i18n ${T_LIBS})
  add_test(NAME ${T_NAME} COMMAND ${T_NAME})
  set_tests_properties(${T_NAME} PROPERTIES
    LABELS "${T_LABEL}"
    TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PDD_SOURCE_DIR=${CMAKE_SOURCE_DIR};PDD_BINARY_DIR=${CMAKE_BINARY_DIR};${T_ENV}")
  if(T_RESOURCE_LOCK)
    set_tests_properties(${T_NAME} PROPERTIES RESOURCE_LOCK "${T_RESOURCE_LOCK}")
  endif()
endfunction()

# pdd_add_script_test(NAME <name> LABEL <label> COMMAND ... [TIMEOUT s] [RESOURCE_LOCK ...])
# For end-to-end checks of the compose stack, which drive shell and HTTP rather than C++.
function(pdd_add_script_test)
  cmake_parse_arguments(T "" "NAME;LABEL;TIMEOUT" "COMMAND;RESOURCE_LOCK;ENV" ${ARGN})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 600)
  endif()
  add_test(NAME ${T_NAME} COMMAND ${T_COMMAND} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABEL}" TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "PDD_SOURCE_DIR=${CMAKE_SOURCE_DIR};PDD_BINARY_DIR=${CMAKE_BINARY_DIR};${T_ENV}")
  if(T_RESOURCE_LOCK)
    set_tests_properties(${T_NAME} PROPERTIES RESOURCE_LOCK "${T_RESOURCE_LOCK}")
  endif()
endfunction()

# pdd_add_fuzz_target(NAME <name> SOURCES ... [LIBS ...] [SECONDS s])
# A libFuzzer target (only with PDD_FUZZ=ON). The code under test is listed in
# SOURCES, not linked from its library, so it carries the fuzzer's coverage
# instrumentation. Registered under the `fuzz` label as a short seeded run over
# the seeds in the source folder's fuzz_corpus/; a long run is by hand.
function(pdd_add_fuzz_target)
  cmake_parse_arguments(F "" "NAME;SECONDS" "SOURCES;LIBS" ${ARGN})
  if(NOT PDD_FUZZ)
    return()
  endif()
  if(NOT F_SECONDS)
    set(F_SECONDS 30)
  endif()
  add_executable(${F_NAME} ${F_SOURCES})
  target_include_directories(${F_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/app/core)
  target_compile_options(${F_NAME} PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_options(${F_NAME} PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(${F_NAME} PRIVATE Qt6::Core pdd_warnings ${F_LIBS})
  set(corpus ${CMAKE_CURRENT_BINARY_DIR}/${F_NAME}_corpus)
  file(MAKE_DIRECTORY ${corpus})
  # New inputs go to the build tree; the seeds in the source tree stay as committed.
  add_test(NAME ${F_NAME} COMMAND ${F_NAME} -max_total_time=${F_SECONDS} -seed=1 ${corpus}
           ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_corpus)
  set_tests_properties(${F_NAME} PROPERTIES LABELS fuzz TIMEOUT 300)
endfunction()
