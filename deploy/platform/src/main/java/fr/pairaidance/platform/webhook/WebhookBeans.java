package fr.pairaidance.platform.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The webhook parts that are plain classes (unit-tested without Quarkus), made beans from the configuration. */
@ApplicationScoped
class WebhookBeans {

    @Produces
    @Singleton
    WebhookAddressGuard addressGuard(WebhookConfig config) {
        return new WebhookAddressGuard(HostResolver.SYSTEM, config.allowHttp(), config.allowLoopback());
    }

    @Produces
    @Singleton
    RetrySchedule retrySchedule(WebhookConfig config) {
        return RetrySchedule.of(config);
    }
}
