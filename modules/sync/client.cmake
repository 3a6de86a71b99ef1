# Client side of sync (the workstation): REST jobs, the local cache with its outbox, the engine.
# Included by modules/sync/CMakeLists.txt into nara_sync_core.
set(NARA_SYNC_CLIENT_SOURCES
    core/apijob.cpp core/apijob.h
    core/restjobs.cpp core/restjobs.h
    core/localcache.cpp core/localcache.h
    core/cacheschema.cpp core/cacheschema.h
    core/syncengine.cpp core/syncengine.h
    core/pendingwrite.h
    core/cachedrecord.h
    core/writesink.h)
# The engine listens for "new sequence" hints on /api/v1/events (push channel client).
set(NARA_SYNC_CLIENT_DEPENDS Qt6::WebSockets)
