package fr.sesame.it;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.util.concurrent.Callable;

/**
 * Inside the test server, a test calls Sésame's services as a given person: it logs in on the test's
 * own request (the directory checks the password), calls, and logs out. Every demo and test agent has
 * the demo password.
 */
public final class CallerLogin {

    /** Work done as someone, which may throw what the service throws. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private final HttpServletRequest request;

    public CallerLogin(HttpServletRequest request) {
        this.request = request;
    }

    public <T> T as(String identifiant, Callable<T> work) throws Exception {
        request.login(identifiant, ItSettings.DEMO_PASSWORD);
        try {
            return work.call();
        } finally {
            request.logout();
        }
    }

    public void run(String identifiant, Work work) throws Exception {
        as(identifiant, () -> {
            work.run();
            return null;
        });
    }

    /** For a test that logs in by hand. */
    public void logout() throws ServletException {
        request.logout();
    }
}
