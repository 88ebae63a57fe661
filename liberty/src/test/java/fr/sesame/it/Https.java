package fr.sesame.it;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;

/**
 * A plain HTTP client for the test server, which has a self-signed certificate. Redirects are not
 * followed: tests look at them.
 */
public final class Https {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .sslContext(trustingContext())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private Https() {
    }

    public static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<byte[]> sendForBytes(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A TLS connection to the test server, for requests an HTTP client would not send as they are. */
    public static javax.net.ssl.SSLSocket socket() throws IOException {
        javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) trustingContext().getSocketFactory()
                .createSocket(ItSettings.HOST, ItSettings.httpsPort());
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** Trusts any certificate: the test servers' (the embedded run's, the farm's) are self-signed for localhost. */
    public static SSLContext trustingContext() {
        // Test only: the embedded run's certificate is self-signed for localhost.
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
