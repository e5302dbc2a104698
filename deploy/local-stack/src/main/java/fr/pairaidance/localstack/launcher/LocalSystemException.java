package fr.pairaidance.localstack.launcher;

/** The local system could not start; the message says what to do. */
final class LocalSystemException extends RuntimeException {

    LocalSystemException(String message) {
        super(message);
    }

    LocalSystemException(String message, Throwable cause) {
        super(message, cause);
    }
}
