package fr.pairaidance.localsystem;

/**
 * The local system could not start; the message says what to do. It carries no stack trace of its
 * own (Maven prints it with the failure, and the message is what matters); a cause keeps its own.
 */
final class LocalSystemException extends RuntimeException {

    LocalSystemException(String message) {
        super(message, null, false, false);
    }

    LocalSystemException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
