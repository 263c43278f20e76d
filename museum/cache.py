"""A Redis cache that, when Redis fails, answers like an empty cache instead of failing the page.

A cache is an optimisation: a Redis that is stopped, unreachable or silent must leave every
page working, only slower. Each operation that fails is logged and answered as a miss (get
returns the default, set stores nothing), and for RETRY_SECONDS afterwards this process does
not ask Redis at all, so a Redis that hangs costs one short timeout, not one per request.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("museum.cache")

RETRY_SECONDS = 10
# Per process and server (Django keeps one cache object per thread): when each may be asked again.
_down_until = {}


def _fail_safe(missing):
    """Run the operation unless Redis is known to be down; on a Redis error return `missing(args)`."""

    def decorator(operation):
        @functools.wraps(operation)
        def wrapped(self, *args, **kwargs):
            if time.monotonic() < _down_until.get(self._location, 0):
                return missing(*args, **kwargs)
            try:
                return operation(self, *args, **kwargs)
            except (RedisError, OSError) as error:
                _down_until[self._location] = time.monotonic() + RETRY_SECONDS
                logger.warning(
                    "cache unavailable: %s failed with %s: %s; serving without the cache for %s s",
                    operation.__name__,
                    type(error).__name__,
                    error,
                    RETRY_SECONDS,
                )
                return missing(*args, **kwargs)

        return wrapped

    return decorator


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _default(key, default=None, *args, **kwargs):
    return default


def _no_values(keys, *args, **kwargs):
    return {}


def _all_failed(data, *args, **kwargs):
    return list(data)


class FailSafeRedisCache(RedisCache):
    """Django's Redis cache, answering as an empty cache while Redis fails (see the module)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._location = server if isinstance(server, str) else ",".join(server)

    get = _fail_safe(_default)(RedisCache.get)
    get_many = _fail_safe(_no_values)(RedisCache.get_many)
    has_key = _fail_safe(_false)(RedisCache.has_key)
    set = _fail_safe(_nothing)(RedisCache.set)
    add = _fail_safe(_false)(RedisCache.add)
    touch = _fail_safe(_false)(RedisCache.touch)
    set_many = _fail_safe(_all_failed)(RedisCache.set_many)
    delete = _fail_safe(_false)(RedisCache.delete)
    delete_many = _fail_safe(_nothing)(RedisCache.delete_many)
    clear = _fail_safe(_false)(RedisCache.clear)
