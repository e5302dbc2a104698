package fr.pairaidance.labelling.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of labelling-service's pages ({@code {msg:...}}); French in {@code messages/msg_fr.properties}, English in {@code msg_en.properties}. */
@MessageBundle(locale = "fr")
public interface LabellingMessages {

    @Message String navVerify();
    @Message String navFind();
    @Message String verifyTitle();
    @Message String verifyIntro();
    @Message String numberLabel();
    @Message String numberHint();
    @Message String asOfLabel();
    @Message String asOfHint();
    @Message String verifyButton();
    @Message String verifyMachines();
    @Message String numberUnknown(String number);
    @Message String numberMalformed();
    @Message String asOfInvalid();
    @Message String resultTitle(String number);
    @Message String valid();
    @Message String notValid();
    @Message String stateOn(String day);
    @Message String state(String code);
    @Message String holder();
    @Message String grantedOn();
    @Message String expiresOn();
    @Message String suspendedUntil();
    @Message String appellations();
    @Message String domains();
    @Message String receiptTitle();
    @Message String receiptText();
    @Message String publishedKey();
    @Message String anotherDay();
    @Message String verifyAnother();
}
