package fr.sesame.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The limits on attempts count per client address, which Liberty reads from the load balancer's
 * {@code X-Forwarded-For} only when the balancer is in {@code sesame.http.trusted-proxies}. Left at its
 * loopback default behind a balancer, every agent would be one client: one school could lock out the
 * académie. So a server declared behind a balancer ({@code sesame.http.behind-load-balancer}, true in
 * production) refuses to start with the default; and whatever the settings, a warning is logged when
 * every request comes from one and the same address.
 */
@WebListener
public class ProxySettings implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ProxySettings.class.getName());
    /** The value sesame.xml ships: the embedded run's own machine. */
    static final String LOOPBACK_DEFAULT = "127\\.0\\.0\\.1";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Config config = ConfigProvider.getConfig();
        check(config.getOptionalValue("sesame.http.behind-load-balancer", Boolean.class).orElse(false),
                config.getOptionalValue("sesame.http.trusted-proxies", String.class).orElse(LOOPBACK_DEFAULT));
    }

    /** @throws IllegalStateException when a server behind a balancer trusts no balancer */
    static void check(boolean behindLoadBalancer, String trustedProxies) {
        if (behindLoadBalancer && LOOPBACK_DEFAULT.equals(trustedProxies.strip())) {
            String message = "sesame.http.trusted-proxies is left at " + LOOPBACK_DEFAULT + " on a server behind a load"
                    + " balancer (sesame.http.behind-load-balancer=true): every agent would count as the balancer's"
                    + " address. Set SESAME_HTTP_TRUSTED_PROXIES to the balancers' addresses (a regular expression).";
            LOG.severe(message);
            throw new IllegalStateException(message);
        }
    }

    /**
     * Logs a warning (at most once an hour) when the last {@code RUN} requests all came from one
     * address that is not this machine: most likely a load balancer Sésame does not trust.
     */
    public static class OneAddressWatch extends HttpFilter {

        private static final long serialVersionUID = 1L;
        static final int RUN = 1000;
        private static final Duration QUIET = Duration.ofHours(1);

        private final Run run = new Run();

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String warning = run.seen(request.getRemoteAddr(), Instant.now());
            if (warning != null) {
                LOG.warning(warning);
            }
            chain.doFilter(request, response);
        }

        /** The address of the last requests and how many came from it in a row. */
        static final class Run {

            private String address;
            private int count;
            private Instant lastWarning = Instant.MIN;

            /** @return the warning to log, or null */
            synchronized String seen(String remoteAddress, Instant now) {
                if (remoteAddress == null || !remoteAddress.equals(address)) {
                    address = remoteAddress;
                    count = 1;
                    return null;
                }
                count++;
                boolean loopback = remoteAddress.startsWith("127.") || remoteAddress.equals("::1")
                        || remoteAddress.equals("0:0:0:0:0:0:0:1");
                if (count >= RUN && !loopback && lastWarning.plus(QUIET).isBefore(now)) {
                    lastWarning = now;
                    return "The last " + count + " requests all came from " + remoteAddress + ": if it is a load balancer,"
                            + " add it to sesame.http.trusted-proxies, or every agent counts as one client for the limits.";
                }
                return null;
            }
        }
    }
}
