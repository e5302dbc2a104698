package fr.pairaidance.platform.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the shared layout, error pages, sign-in and accessibility statement ({@code {web:...}} in
 * templates); French in {@code messages/web_fr.properties}, English in {@code web_en.properties}.
 */
@MessageBundle(value = "web", locale = "fr")
public interface WebMessages {

    @Message String brand();
    @Message String mailSignature();
    @Message String mailSettings();
    @Message String mailNoReply();
    @Message String mailWebhookDisabledSubject();
    @Message String mailWebhookDisabledBody(String url, String reason);
    @Message String mailWebhookDisabledEnable(String id);
    @Message String mailWebhookDeliveryLog();
    @Message String mailSettingsTitle();
    @Message String mailSettingsSaved();
    @Message String mailSettingsIntro();
    @Message String mailSettingsLanguage();
    @Message String mailSettingsOptional();
    @Message String mailSettingsSave();
    @Message String mailSettingsAlways();
    @Message String mailSettingsAlwaysWhy();
    @Message String skipToContent();
    @Message String mainNavigation();
    @Message String signIn();
    @Message String signOut();
    @Message String signedInAs(String name);
    @Message String languageSwitch();
    @Message String footerLabel();
    @Message String accessibility();
    @Message String contact();
    @Message String apiDocumentation();
    @Message String siteRegistry();
    @Message String siteLabelling();
    @Message String siteOrientation();
    @Message String required();
    @Message String errorSummaryTitle();
    @Message String errorPrefix();
    @Message String errorTitle(int status);
    @Message String error400();
    @Message String error403();
    @Message String error404();
    @Message String error405();
    @Message String error409();
    @Message String error413();
    @Message String error429();
    @Message String error500();
    @Message String error503();
    @Message String errorOther();
    @Message String errorReference(String id);
    @Message String backHome();
    @Message String signedOutTitle();
    @Message String signedOutText();
    @Message String accessibilityTitle();
    @Message String accessibilityIntro();
    @Message String accessibilityStatus();
    @Message String accessibilityStandard();
    @Message String accessibilityTested();
    @Message String accessibilityTestedList();
    @Message String accessibilityLimits();
    @Message String accessibilityLimitsList();
    @Message String accessibilityFeedback(String email);
    @Message String accessibilityRecourse();
    @Message String accessibilityDate();
    @Message String previous();
    @Message String next();
    @Message String pagination();
    @Message String pageOf(int page, int pages);
    @Message String yes();
    @Message String no();
}
