package fr.pairaidance.platform.webhook;

import fr.pairaidance.platform.mail.MailKind;

/** The mail a subscription's owner receives about their endpoint: it is disabled (always sent). */
public enum WebhookMailKind implements MailKind {
    WEBHOOK_DISABLED;

    @Override
    public boolean optional() {
        return false;
    }
}
