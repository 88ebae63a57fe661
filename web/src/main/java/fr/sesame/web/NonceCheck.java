package fr.sesame.web;

import jakarta.faces.FacesException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import org.primefaces.context.PrimeApplicationContext;
import org.primefaces.context.PrimeFacesContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Logger;

/**
 * PrimeFaces compares the CSP nonce a form sends back with the one of its page, but only when it
 * writes the answer, after the action has run: a form sent without it (or with another page's) had
 * saved a password or sent a mail, then showed the error page saying nothing was saved. The
 * comparison is made here, as soon as the page is restored and before anything runs; a form that fails
 * it is treated as an expired page, which is then true: nothing was done.
 */
public class NonceCheck implements PhaseListener {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(NonceCheck.class.getName());

    static final String EXPIRED_PAGE = "/erreur/session-expiree";

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // nothing before the page is restored
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        if (!context.isPostback() || context.getResponseComplete() || context.getViewRoot() == null
                || !PrimeApplicationContext.getCurrentInstance(context).getConfig().isCsp()) {
            return;
        }
        try {
            PrimeFacesContext.getCspState(context).getNonce();
        } catch (FacesException refused) {
            // PrimeFaces' CspException and its "missing"/"invalid" FacesExceptions; the value sent is not logged.
            LOG.info(() -> "Form of " + context.getViewRoot().getViewId() + " refused before its action: " + refused.getMessage());
            refuse(context);
        }
    }

    private static void refuse(FacesContext context) {
        ExternalContext external = context.getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + EXPIRED_PAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }
}
