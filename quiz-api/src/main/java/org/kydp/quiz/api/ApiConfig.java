package org.kydp.quiz.api;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/**
 * Settings of the HTTP layer. Each has an environment variable ({@code QUIZ_PORT}), a system property
 * ({@code -Dquiz.port}, which wins) and a method here for embedders.
 *
 * @param port                 the port to listen on; 0 picks a free one
 * @param adminToken           the bearer token for administration
 * @param adminTokenGenerated  whether the admin token was generated because none was configured
 * @param zone                 the zone of the day and week leaderboard windows
 * @param corsOrigins          origins allowed to call the API from a browser
 * @param rateLimitPerMinute   registrations and attempt starts per client address per minute; 0 for no limit
 * @param maxBodyBytes         the largest request body accepted
 * @param limits               how connections are held and requests admitted (idle timeout, queue, …)
 * @param trustedProxies       addresses and CIDR ranges of reverse proxies whose {@code X-Forwarded-For} is
 *                             believed, so that limits count per citizen rather than per proxy; none by default
 * @param authFailuresPerMinute failed authentications (admin, player or host token) per client address per minute,
 *                             past which the address's authentications are refused with 429; 0 for no limit
 * @param metricsToken         the bearer token {@code GET /metrics} asks for, or null for none (the metrics are
 *                             public: keep the port of a server without it away from the internet)
 */
public record ApiConfig(int port, String adminToken, boolean adminTokenGenerated, ZoneId zone,
                        List<String> corsOrigins, int rateLimitPerMinute, long maxBodyBytes, ServerLimits limits,
                        List<String> trustedProxies, int authFailuresPerMinute, String metricsToken) {

    public static final int DEFAULT_PORT = 7070;
    public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    /** The largest file an administrator may import; other requests keep {@code maxBodyBytes}. */
    public static final long MAX_IMPORT_BYTES = 4 * 1024 * 1024;

    public ApiConfig {
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(limits, "limits");
        corsOrigins = List.copyOf(corsOrigins);
        trustedProxies = List.copyOf(trustedProxies);
        TrustedProxies.of(trustedProxies); // refuses an entry that is not an address or a range, naming it
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be within 0..65535: " + port);
        }
        if (adminToken.length() < 16) {
            throw new IllegalArgumentException("the admin token must be at least 16 characters");
        }
        if (metricsToken != null && metricsToken.length() < 16) {
            throw new IllegalArgumentException("the metrics token must be at least 16 characters");
        }
        if (rateLimitPerMinute < 0) {
            throw new IllegalArgumentException("rate limit must be 0 (off) or more: " + rateLimitPerMinute);
        }
        if (authFailuresPerMinute < 0) {
            throw new IllegalArgumentException("the limit of failed authentications must be 0 (off) or more: "
                    + authFailuresPerMinute);
        }
    }

    /** The settings as they were before {@link ServerLimits}, with its defaults. */
    public ApiConfig(int port, String adminToken, boolean adminTokenGenerated, ZoneId zone, List<String> corsOrigins,
                     int rateLimitPerMinute, long maxBodyBytes) {
        this(port, adminToken, adminTokenGenerated, zone, corsOrigins, rateLimitPerMinute, maxBodyBytes,
                ServerLimits.defaults());
    }

    /** The settings as they were before trusted proxies and the limit of failed authentications: their defaults. */
    public ApiConfig(int port, String adminToken, boolean adminTokenGenerated, ZoneId zone, List<String> corsOrigins,
                     int rateLimitPerMinute, long maxBodyBytes, ServerLimits limits) {
        this(port, adminToken, adminTokenGenerated, zone, corsOrigins, rateLimitPerMinute, maxBodyBytes, limits,
                List.of(), FailedAuthentications.DEFAULT_PER_MINUTE);
    }

    /** The settings as they were before the metrics token: none. */
    public ApiConfig(int port, String adminToken, boolean adminTokenGenerated, ZoneId zone, List<String> corsOrigins,
                     int rateLimitPerMinute, long maxBodyBytes, ServerLimits limits, List<String> trustedProxies,
                     int authFailuresPerMinute) {
        this(port, adminToken, adminTokenGenerated, zone, corsOrigins, rateLimitPerMinute, maxBodyBytes, limits,
                trustedProxies, authFailuresPerMinute, null);
    }

    /**
     * Defaults: port 7070, a generated admin token, Asia/Kolkata, no CORS, 60 per minute, 64 KiB bodies,
     * {@link ServerLimits#defaults()}, no trusted proxies, 30 failed authentications per minute, and no metrics token.
     */
    public static ApiConfig defaults() {
        return new ApiConfig(DEFAULT_PORT, generateToken(), true, ZoneId.of("Asia/Kolkata"), List.of(), 60,
                DEFAULT_MAX_BODY_BYTES, ServerLimits.defaults(), List.of(), FailedAuthentications.DEFAULT_PER_MINUTE);
    }

    /** Reads the {@code QUIZ_*} environment variables and {@code quiz.*} system properties. */
    public static ApiConfig fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    /** Reads settings from the given environment and properties (properties win). */
    public static ApiConfig from(Map<String, String> env, Properties properties) {
        Function<String, String> setting = new Settings(env, properties)::get;
        ApiConfig config = defaults();
        String port = setting.apply("PORT");
        if (port != null) {
            config = config.withPort(parseInt("QUIZ_PORT", port));
        }
        String admin = setting.apply("ADMIN_TOKEN");
        if (admin != null) {
            config = config.withAdminToken(admin);
        }
        String metrics = setting.apply("METRICS_TOKEN");
        if (metrics != null) {
            config = config.withMetricsToken(metrics);
        }
        String zone = setting.apply("ZONE");
        if (zone != null) {
            config = config.withZone(ZoneId.of(zone));
        }
        String origins = setting.apply("CORS_ORIGINS");
        if (origins != null) {
            config = config.withCorsOrigins(commaSeparated(origins));
        }
        String proxies = setting.apply("TRUSTED_PROXIES");
        if (proxies != null) {
            try {
                config = config.withTrustedProxies(commaSeparated(proxies));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("QUIZ_TRUSTED_PROXIES: " + e.getMessage(), e);
            }
        }
        String rate = setting.apply("RATE_LIMIT_PER_MINUTE");
        if (rate != null) {
            config = config.withRateLimitPerMinute(parseInt("QUIZ_RATE_LIMIT_PER_MINUTE", rate));
        }
        String authFailures = setting.apply("AUTH_FAILURES_PER_MINUTE");
        if (authFailures != null) {
            int limit = parseInt("QUIZ_AUTH_FAILURES_PER_MINUTE", authFailures);
            if (limit < 0) {
                throw new IllegalArgumentException("QUIZ_AUTH_FAILURES_PER_MINUTE must be 0 (off) or more, got "
                        + limit);
            }
            config = config.withAuthFailuresPerMinute(limit);
        }
        String idle = setting.apply("IDLE_TIMEOUT_MS");
        if (idle != null) {
            config = config.withIdleTimeout(Duration.ofMillis(parseInt("QUIZ_IDLE_TIMEOUT_MS", idle)));
        }
        String headerCache = setting.apply("HEADER_CACHE_SIZE");
        if (headerCache != null) {
            config = config.withHeaderCacheSize(parseInt("QUIZ_HEADER_CACHE_SIZE", headerCache));
        }
        String concurrent = setting.apply("MAX_CONCURRENT_REQUESTS");
        if (concurrent != null) {
            config = config.withMaxConcurrentRequests(parseInt("QUIZ_MAX_CONCURRENT_REQUESTS", concurrent));
        }
        String queued = setting.apply("MAX_QUEUED_REQUESTS");
        if (queued != null) {
            config = config.withMaxQueuedRequests(parseInt("QUIZ_MAX_QUEUED_REQUESTS", queued));
        }
        String wait = setting.apply("MAX_QUEUE_WAIT_MS");
        if (wait != null) {
            config = config.withMaxQueueWait(Duration.ofMillis(parseInt("QUIZ_MAX_QUEUE_WAIT_MS", wait)));
        }
        return config;
    }

    public ApiConfig withPort(int newPort) {
        return new ApiConfig(newPort, adminToken, adminTokenGenerated, zone, corsOrigins, rateLimitPerMinute,
                maxBodyBytes, limits, trustedProxies, authFailuresPerMinute, metricsToken);
    }

    public ApiConfig withAdminToken(String token) {
        return new ApiConfig(port, token, false, zone, corsOrigins, rateLimitPerMinute, maxBodyBytes, limits,
                trustedProxies, authFailuresPerMinute, metricsToken);
    }

    public ApiConfig withZone(ZoneId newZone) {
        return new ApiConfig(port, adminToken, adminTokenGenerated, newZone, corsOrigins, rateLimitPerMinute,
                maxBodyBytes, limits, trustedProxies, authFailuresPerMinute, metricsToken);
    }

    public ApiConfig withCorsOrigins(List<String> origins) {
        return new ApiConfig(port, adminToken, adminTokenGenerated, zone, origins, rateLimitPerMinute, maxBodyBytes,
                limits, trustedProxies, authFailuresPerMinute, metricsToken);
    }

    public ApiConfig withRateLimitPerMinute(int limit) {
        return new ApiConfig(port, adminToken, adminTokenGenerated, zone, corsOrigins, limit, maxBodyBytes, limits,
                trustedProxies, authFailuresPerMinute, metricsToken);
    }

    public ApiConfig withLimits(ServerLimits newLimits) {
        return new ApiConfig(port, adminToken, adminTokenGenerated, zone, corsOrigins, rateLimitPerMinute,
                maxBodyBytes, newLimits, trustedProxies, authFailuresPerMinute, metricsToken);
    }

    /**
     * Reverse proxies whose {@code X-Forwarded-For} is believed ({@code QUIZ_TRUSTED_PROXIES}): IPv4 and IPv6
     * addresses ({@code 192.0.2.7}, {@code ::1}) and CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}).
     *
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    public ApiConfig withTrustedProxies(List<String> proxies) {
        return new ApiConfig(port, adminToken, adminTokenGenerated, zone, corsOrigins, rateLimitPerMinute,
                maxBodyBytes, limits, proxies, authFailuresPerMinute, metricsToken);
    }

    /**
     * Failed authentications per client address per minute ({@code QUIZ_AUTH_FAILURES_PER_MINUTE}); past them, the
     * address's requests that authenticate are refused with 429 until it has one again. 0 turns the limit off.
     */
    public ApiConfig withAuthFailuresPerMinute(int limit) {
        return new ApiConfig(port, adminToken, adminTokenGenerated, zone, corsOrigins, rateLimitPerMinute,
                maxBodyBytes, limits, trustedProxies, limit, metricsToken);
    }

    /**
     * The bearer token {@code GET /metrics} asks for ({@code QUIZ_METRICS_TOKEN}), at least 16 characters; null for
     * none.
     */
    public ApiConfig withMetricsToken(String token) {
        return new ApiConfig(port, adminToken, adminTokenGenerated, zone, corsOrigins, rateLimitPerMinute,
                maxBodyBytes, limits, trustedProxies, authFailuresPerMinute, token);
    }

    /** How long a keep-alive connection may stay idle ({@code QUIZ_IDLE_TIMEOUT_MS}). */
    public ApiConfig withIdleTimeout(Duration timeout) {
        return withLimits(limits.withIdleTimeout(timeout));
    }

    /** The cache of repeated request headers per connection, in characters; 0 for none ({@code QUIZ_HEADER_CACHE_SIZE}). */
    public ApiConfig withHeaderCacheSize(int size) {
        return withLimits(limits.withHeaderCacheSize(size));
    }

    /** Requests handled at once ({@code QUIZ_MAX_CONCURRENT_REQUESTS}). */
    public ApiConfig withMaxConcurrentRequests(int requests) {
        return withLimits(limits.withMaxConcurrentRequests(requests));
    }

    /** Requests that may wait for their turn ({@code QUIZ_MAX_QUEUED_REQUESTS}). */
    public ApiConfig withMaxQueuedRequests(int requests) {
        return withLimits(limits.withMaxQueuedRequests(requests));
    }

    /** How long a request may wait for its turn ({@code QUIZ_MAX_QUEUE_WAIT_MS}). */
    public ApiConfig withMaxQueueWait(Duration wait) {
        return withLimits(limits.withMaxQueueWait(wait));
    }

    @Override
    public String toString() {
        return "ApiConfig[port=" + port + ", adminToken=<hidden>, zone=" + zone + ", corsOrigins=" + corsOrigins
                + ", rateLimitPerMinute=" + rateLimitPerMinute + ", maxBodyBytes=" + maxBodyBytes + ", limits="
                + limits + ", trustedProxies=" + trustedProxies + ", authFailuresPerMinute=" + authFailuresPerMinute
                + ", metricsToken=" + (metricsToken == null ? "none" : "<hidden>") + "]";
    }

    private static List<String> commaSeparated(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
        }
    }

    private static String generateToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
