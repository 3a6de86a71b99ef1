# Project functions: one way to declare a module library and one way to register a test.

# Which libraries each layer may link (DESIGN.md §3). A core library links no widgets and no HTTP
# server; a server library links no widgets; a ui library links no HTTP server.
# Qt6::WebSockets in core: push channel client (sync_core's SyncEngine listens on /api/v1/events).
# Qt6::Gui in core: QImage with its readers and writers (no display needed), because images are
# checked and re-encoded on the server as well as in the workstation (referrals_core).
set(_nara_allowed_core   Qt6::Core Qt6::Concurrent Qt6::Network Qt6::Sql PkgConfig::SODIUM Qt6::WebSockets Qt6::Gui)
set(_nara_allowed_server ${_nara_allowed_core} Qt6::HttpServer Qt6::WebSockets)
set(_nara_allowed_ui     ${_nara_allowed_core} Qt6::Gui Qt6::Widgets Qt6::WebSockets
    Qt6::Multimedia Qt6::MultimediaWidgets Qt6::WebEngineWidgets Qt6::WebChannel Qt6::Charts)

# nara_add_module(NAME <area>_<layer> SOURCES ... DEPENDS ...)
# Creates the static library nara_<area>_<layer>. Layer is core, server or ui, and decides which
# dependencies are allowed; a dependency on another module names it without the nara_ prefix.
function(nara_add_module)
    cmake_parse_arguments(ARG "" "NAME;RESOURCE_BASE" "SOURCES;DEPENDS;RESOURCES" ${ARGN})
    string(REGEX MATCH "_(core|server|ui)$" _layer_match "${ARG_NAME}")
    if(NOT _layer_match)
        message(FATAL_ERROR "nara_add_module: ${ARG_NAME} must end in _core, _server or _ui")
    endif()
    set(_layer "${CMAKE_MATCH_1}")
    set(_links "")
    foreach(dep IN LISTS ARG_DEPENDS)
        if(dep MATCHES "^Qt6::|^PkgConfig::")
            if(NOT dep IN_LIST _nara_allowed_${_layer})
                message(FATAL_ERROR "nara_add_module: ${ARG_NAME} (${_layer}) may not link ${dep}")
            endif()
            list(APPEND _links ${dep})
        else()
            string(REGEX MATCH "_(core|server|ui)$" _dep_match "${dep}")
            set(_dep_layer "${CMAKE_MATCH_1}")
            if(_layer STREQUAL "core" AND NOT _dep_layer STREQUAL "core")
                message(FATAL_ERROR "nara_add_module: core library ${ARG_NAME} may not link ${dep}")
            endif()
            if(_layer STREQUAL "server" AND _dep_layer STREQUAL "ui")
                message(FATAL_ERROR "nara_add_module: server library ${ARG_NAME} may not link ${dep}")
            endif()
            if(_layer STREQUAL "ui" AND _dep_layer STREQUAL "server")
                message(FATAL_ERROR "nara_add_module: ui library ${ARG_NAME} may not link ${dep}")
            endif()
            list(APPEND _links nara_${dep})
        endif()
    endforeach()
    add_library(nara_${ARG_NAME} STATIC ${ARG_SOURCES})
    target_include_directories(nara_${ARG_NAME} PUBLIC ${PROJECT_SOURCE_DIR}/modules)
    target_link_libraries(nara_${ARG_NAME} PUBLIC nara_common ${_links})
    set_target_properties(nara_${ARG_NAME} PROPERTIES NARA_LAYER "${_layer}")
    if(ARG_RESOURCES)
        # Resource paths are relative to RESOURCE_BASE (default: the layer's folder).
        if(NOT ARG_RESOURCE_BASE)
            set(ARG_RESOURCE_BASE "${_layer}")
        endif()
        qt_add_resources(nara_${ARG_NAME} "nara_${ARG_NAME}_resources" PREFIX "/"
            BASE "${ARG_RESOURCE_BASE}" FILES ${ARG_RESOURCES})
    endif()
endfunction()

# What a test that runs Qt WebEngine needs (DESIGN.md §6): no sandbox (tests may run as root) and
# fake camera and microphone that need no permission prompt. Pass as ENVIRONMENT.
set(NARA_WEBENGINE_TEST_ENVIRONMENT
    "QTWEBENGINE_DISABLE_SANDBOX=1"
    "QTWEBENGINE_CHROMIUM_FLAGS=--use-fake-device-for-media-stream --use-fake-ui-for-media-stream")

# nara_add_test(NAME <area>_<unit> SOURCES ... DEPENDS ... [SERVER] [LABELS ...] [TIMEOUT s]
#               [ENVIRONMENT VAR=value ...])
# Builds tst_<area>_<unit>, registers it with CTest, and runs it headless with a fixed hash seed
# and a data directory of its own. SERVER: the test starts a real nara-server (built first).
# ENVIRONMENT: more variables for the test (for example ${NARA_WEBENGINE_TEST_ENVIRONMENT}).
function(nara_add_test)
    cmake_parse_arguments(ARG "SERVER" "NAME;TIMEOUT" "SOURCES;DEPENDS;LABELS;ENVIRONMENT" ${ARGN})
    set(_target tst_${ARG_NAME})
    add_executable(${_target} ${ARG_SOURCES})
    set(_links nara_common Qt6::Test nara_test_support)
    foreach(dep IN LISTS ARG_DEPENDS)
        if(dep MATCHES "^Qt6::|^PkgConfig::|^nara_")
            list(APPEND _links ${dep})
        else()
            list(APPEND _links nara_${dep})
        endif()
    endforeach()
    target_link_libraries(${_target} PRIVATE ${_links})
    target_compile_definitions(${_target} PRIVATE NARA_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    if(ARG_SERVER)
        add_dependencies(${_target} nara-server)
        target_compile_definitions(${_target} PRIVATE NARA_SERVER_BIN="$<TARGET_FILE:nara-server>")
    endif()
    add_test(NAME ${ARG_NAME} COMMAND ${_target})
    set(_data ${CMAKE_BINARY_DIR}/testdata/${ARG_NAME})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set(_environment QT_QPA_PLATFORM=offscreen QT_HASH_SEED=0 NARA_TEST_DATA=${_data}
        XDG_DATA_HOME=${_data}/data XDG_CONFIG_HOME=${_data}/config XDG_CACHE_HOME=${_data}/cache
        ${ARG_ENVIRONMENT})
    set_tests_properties(${ARG_NAME} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "${_environment}")
endfunction()
