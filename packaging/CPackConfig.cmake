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
# What is loaded at run time, which dpkg-shlibdeps cannot see (added to what it
# computes): Qt's platform plugins (xcb, wayland, offscreen), and libsecret,
# which QtKeychain opens to remember database passwords.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libsecret-1-0")
# The app drives a local Docker Engine and the stack's run script (openssl makes
# prod's self-signed certificate); Qt's own strings in Portuguese come from
# qt6-translations-l10n; the boot service's helper runs through pkexec.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "docker.io | docker-ce, docker-compose | docker-compose-plugin, openssl, qt6-translations-l10n, pkexec")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql-client, git")
# The synopsis comes from CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the extended text.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Shows the stack live from the Docker Engine API (containers, health, ports,\n\
volumes, logs), starts and stops it in development or production mode through\n\
the stack's run script, builds and pushes the web image, backs the database\n\
up and restores it, starts prod on boot, and creates new stacks from the\n\
template in /usr/share/postdodjango/stack. The UI speaks English and\n\
Brazilian Portuguese.")

include(CPack)
