package fr.sesame.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Texts from the bundle, in the page's language, for backing beans. The one place keys become words. */
@Named
@RequestScoped
public class Messages {

    static final String BUNDLE = "fr.sesame.web.i18n.messages";

    public String text(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.FRENCH;
        return format(locale, key, arguments);
    }

    /** Whether the bundle has this key (for lists of numbered texts). */
    public boolean has(String key) {
        return !text(key).startsWith("???");
    }

    /** A text in the given language, for servlets outside Faces. */
    public static String format(Locale locale, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                Thread.currentThread().getContextClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            String pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }

    /** A message for the whole page, shown at the top and read out by screen readers. */
    public void error(String key, Object... arguments) {
        add(null, FacesMessage.SEVERITY_ERROR, key, arguments);
    }

    public void info(String key, Object... arguments) {
        add(null, FacesMessage.SEVERITY_INFO, key, arguments);
    }

    /** A message tied to one field, shown beside it. */
    public void fieldError(String clientId, String key, Object... arguments) {
        add(clientId, FacesMessage.SEVERITY_ERROR, key, arguments);
    }

    /**
     * A refused new password, beside its fields: each broken rule (Sésame's or the directory's) beside
     * {@code form:motDePasse}, a differing confirmation beside {@code form:confirmation}. Every page
     * that sets a password names its fields so.
     */
    public void passwordRefused(String form, fr.sesame.password.PasswordChangeRefusedException refusal, int minimumLength) {
        if (refusal.confirmationDiffers()) {
            fieldError(form + ":confirmation", "activation.password.confirmationDiffers");
        }
        for (fr.sesame.password.PasswordRule rule : refusal.broken()) {
            fieldError(form + ":motDePasse", rule.bundleKey(), minimumLength);
        }
    }

    private void add(String clientId, FacesMessage.Severity severity, String key, Object... arguments) {
        String text = text(key, arguments);
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
