# pdd_add_subdirectories(<dir>): add_subdirectory() for every folder of <dir>
# that has a CMakeLists.txt, in name order, so adding an area or a suite never
# means editing a shared list. New folders are picked up on the next build.
function(pdd_add_subdirectories dir)
  file(GLOB children LIST_DIRECTORIES true CONFIGURE_DEPENDS "${dir}/*")
  foreach(child IN LISTS children)
    if(IS_DIRECTORY "${child}" AND EXISTS "${child}/CMakeLists.txt")
      add_subdirectory("${child}")
    endif()
  endforeach()
endfunction()
