package fr.pairaidance.platform.outbox;

/**
 * Kafka header names of CloudEvents 1.0 in binary content mode, with the correlation id as the extension
 * attribute {@code correlationid}: it follows a request through every event it causes.
 */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    public static final String CORRELATION_ID = "ce_correlationid";

    private CloudEventHeaders() {
    }
}
