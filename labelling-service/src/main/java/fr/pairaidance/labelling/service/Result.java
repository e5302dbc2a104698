package fr.pairaidance.labelling.service;

/** What a POST produced, and whether an earlier request with the same Idempotency-Key produced it. */
public record Result<T>(T value, boolean replayed) {
}
