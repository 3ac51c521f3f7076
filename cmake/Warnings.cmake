# One place for the warning set, so every target (app, tests, benches) is held
# to the same bar.
add_library(pdd_warnings INTERFACE)
# Qt's qCDebug(category) with no message arguments is an empty __VA_ARGS__, which
# clang's -Wpedantic flags; that is Qt's documented use, not a mistake of ours.
target_compile_options(pdd_warnings INTERFACE -Wall -Wextra -Wpedantic
  $<$<CXX_COMPILER_ID:Clang>:-Wno-gnu-zero-variadic-macro-arguments>
  $<$<BOOL:${PDD_WARNINGS_AS_ERRORS}>:-Werror>)
target_compile_definitions(pdd_warnings INTERFACE
  PDD_SOURCE_DIR="${CMAKE_SOURCE_DIR}" PDD_BINARY_DIR="${CMAKE_BINARY_DIR}")
