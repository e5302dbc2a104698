package fr.pairaidance.platform.idempotency;

/** What a POST with {@code Idempotency-Key} produced, and whether an earlier request with the key produced it. */
public record IdempotentResult<T>(T value, boolean replayed) {
}
