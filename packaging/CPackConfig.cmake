# Debian package of the desktop app: `cmake --build build --target package`
# (or `cd build && cpack -G DEB`). Included OPTIONAL by the top-level CMakeLists.
set(CPACK_PACKAGE_NAME "postdodjango")
set(CPACK_PACKAGE_VENDOR "PostDoDjango")
set(CPACK_PACKAGE_CONTACT "PostDoDjango maintainers <postdodjango@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_GENERATOR "DEB")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# Library dependencies (Qt 6, yaml-cpp, libpqxx, libcurl, QtKeychain) are
# computed from the binary by dpkg-shlibdeps, so they always match the build.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The app drives a local Docker Engine and the stack's run script.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "docker.io | docker-ce, docker-compose | docker-compose-plugin")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql-client")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Desktop companion for a Django + PostgreSQL stack on Docker Compose\n\
Shows the stack live from the Docker Engine API (containers, health, ports,\n\
volumes, logs), starts and stops it in development or production mode through\n\
the stack's run script, and browses the development database.")

include(CPack)
