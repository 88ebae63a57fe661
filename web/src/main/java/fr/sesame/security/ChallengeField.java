package fr.sesame.security;

import fr.sesame.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Map;

/**
 * The "je ne suis pas un robot" field of a form ({@code WEB-INF/includes/challenge.xhtml}): a new
 * challenge each time the form is drawn, and the check of what the form sent back.
 */
@Named("challenge")
@RequestScoped
public class ChallengeField {

    /** The field the widget fills once solved. */
    static final String PAYLOAD = "altcha";
    /** The no-script token drawn with the form. */
    static final String WAIT_TOKEN = "attente";
    private static final String[] STRINGS = {"label", "verifying", "verified", "error", "expired",
            "verificationRequired", "waitAlert"};

    @Inject
    Challenges challenges;

    @Inject
    Messages messages;

    private Challenges.Issued issued;
    private boolean refused;

    private Challenges.Issued issued() {
        if (issued == null) {
            issued = challenges.issue();
        }
        return issued;
    }

    public String getJson() {
        return issued().challengeJson();
    }

    public String getWaitToken() {
        return issued().waitToken();
    }

    public long getWaitSeconds() {
        return challenges.waitSeconds();
    }

    /** The widget's texts in the page's language, as the JSON its {@code strings} attribute takes. */
    public String getStrings() {
        StringBuilder json = new StringBuilder("{");
        for (String key : STRINGS) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(key).append("\":\"").append(messages.text("challenge.widget." + key)
                    .replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return json.append('}').toString();
    }

    /** Whether the form that was sent proves a person; each proof counts once. */
    public boolean solved() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        return challenges.solved(parameters.get(PAYLOAD), parameters.get(WAIT_TOKEN));
    }

    /** The form was turned back for want of a solved challenge: the field says so. */
    public void refuse() {
        refused = true;
    }

    public boolean isRefused() {
        return refused;
    }
}
