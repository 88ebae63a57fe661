package fr.sesame.security;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A refusal of the roles ({@link AccessRefusedException} from a page's bean, {@link EJBAccessException}
 * from a service) is answered with the French 403 page, never with the 500 page of an error; every
 * other exception goes on to the handler this one wraps.
 */
public class AccessExceptionHandlerFactory extends ExceptionHandlerFactory {

    public AccessExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static boolean isRefusal(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof AccessRefusedException || cause instanceof EJBAccessException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            boolean refused = false;
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
                if (isRefusal(events.next().getContext().getException())) {
                    events.remove();
                    refused = true;
                }
            }
            if (refused) {
                refuse(FacesContext.getCurrentInstance());
            }
            getWrapped().handle();
        }

        private static void refuse(FacesContext faces) {
            ExternalContext external = faces.getExternalContext();
            try {
                if (faces.getPartialViewContext().isAjaxRequest()) {
                    external.redirect(external.getRequestContextPath() + "/erreur/403");
                } else {
                    external.responseReset();
                    external.responseSendError(HttpServletResponse.SC_FORBIDDEN, null);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
        }
    }
}
