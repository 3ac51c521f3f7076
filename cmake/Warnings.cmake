# One place for the warning set, so every target (app, tests, benches) is held
# to the same bar.
add_library(pdd_warnings INTERFACE)
target_compile_options(pdd_warnings INTERFACE -Wall -Wextra -Wpedantic
  $<$<BOOL:${PDD_WARNINGS_AS_ERRORS}>:-Werror>)
target_compile_definitions(pdd_warnings INTERFACE
  PDD_SOURCE_DIR="${CMAKE_SOURCE_DIR}" PDD_BINARY_DIR="${CMAKE_BINARY_DIR}")
