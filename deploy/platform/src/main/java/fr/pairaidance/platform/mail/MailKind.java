package fr.pairaidance.platform.mail;

/** A kind of mail a service sends (each service has an enum of them). */
public interface MailKind {

    /** The stored code of the kind: the enum constant's name. */
    String name();

    /** Whether the person may turn this kind off; decisions the regulator must notify may not be. */
    boolean optional();
}
