package fr.pairaidance.platform.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Settings of webhook subscriptions and of their delivery (Standard Webhooks). */
@ConfigMapping(prefix = "pairaidance.platform.webhooks")
public interface WebhookConfig {

    /** Whether this instance sends the deliveries (subscriptions are still accepted when off). */
    @WithDefault("true")
    boolean senderEnabled();

    /** Fallback poll for due deliveries; the sender is also woken after every commit that adds some. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Due deliveries taken in one short transaction. */
    @WithDefault("50")
    int batchSize();

    /** Requests in flight at once on this instance (one per subscription at a time). */
    @WithDefault("8")
    int concurrency();

    /**
     * How long a taken delivery is reserved to this instance: if the instance dies while sending, another
     * takes it again after this. Longer than {@link #timeout()}.
     */
    @WithDefault("1m")
    Duration lease();

    /** Connect and response timeout of one delivery. */
    @WithDefault("15s")
    Duration timeout();

    /**
     * Delay before each attempt, the first one included (Standard Webhooks: immediately, 5 s, 5 min, 30 min,
     * 2 h, 5 h, 10 h, 14 h, 20 h, 24 h); a delivery that failed every attempt is given up.
     */
    @WithDefault("0s,5s,5m,30m,2h,5h,10h,14h,20h,24h")
    List<Duration> retrySchedule();

    /** Random spread of each retry delay, as a fraction of it (0.2: between 80 % and 120 %). */
    @WithDefault("0.2")
    double jitter();

    /** The longest Retry-After of an endpoint honoured; a longer one is cut to this. */
    @WithDefault("24h")
    Duration maxRetryAfter();

    /** An endpoint failing without a single success for longer than this is disabled. */
    @WithDefault("P5D")
    Duration disableAfter();

    /** How long the previous secret still signs after a rotation (two signatures are sent meanwhile). */
    @WithDefault("24h")
    Duration secretOverlap();

    /** Whether http:// endpoints are accepted (tests and local runs only); https otherwise. */
    @WithDefault("false")
    boolean allowHttp();

    /** Whether endpoints on loopback addresses are accepted (tests and local runs only). */
    @WithDefault("false")
    boolean allowLoopback();

    /** Subscriptions one client may hold in one service. */
    @WithDefault("20")
    int maxSubscriptionsPerOwner();

    /** Largest page of the delivery log. */
    @WithDefault("100")
    int maxPageSize();
}
