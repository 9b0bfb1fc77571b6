package dlcs.origin.control;

import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.apache.commons.vfs2.FileSystemException;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.UserAuthenticationData;
import org.apache.commons.vfs2.provider.GenericFileName;
import org.apache.commons.vfs2.provider.http5.Http5FileProvider;
import org.apache.commons.vfs2.provider.http5.Http5FileSystemConfigBuilder;
import org.apache.commons.vfs2.provider.http5s.Http5sFileNameParser;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.SSLConnectionSocketFactoryBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Commons VFS's http/https provider (HttpClient 5) made fit for fetching URLs that tenants
 * choose. Every connection, redirect hops included, resolves its host through the
 * {@link NetworkRules} ({@link CheckedDnsResolver}), and connects only to the addresses they
 * checked (so a name cannot resolve to one address when checked and another when connected). Redirects are followed up to
 * a limit; connect and read timeouts are both applied; https trusts the JVM's certificate
 * authorities (the stock provider trusts any certificate); and Basic credentials survive to the
 * request (the stock provider wipes the password before using it).
 */
final class GuardedHttpProvider extends Http5FileProvider {

    private final NetworkRules rules;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxRedirects;

    GuardedHttpProvider(boolean secure, NetworkRules rules, Duration connectTimeout, Duration readTimeout,
                        int maxRedirects) {
        this.rules = rules;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.maxRedirects = maxRedirects;
        if (secure) {
            setFileNameParser(Http5sFileNameParser.getInstance());
        }
    }

    @Override
    protected HttpClientBuilder createHttpClientBuilder(Http5FileSystemConfigBuilder builder, GenericFileName rootName,
                                                        FileSystemOptions options) throws FileSystemException {
        SSLContext trusted = createSSLContext(builder, options);
        return super.createHttpClientBuilder(builder, rootName, options)
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedDnsResolver(rules))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout))
                                .build())
                        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.of(readTimeout)).build())
                        .setSSLSocketFactory(SSLConnectionSocketFactoryBuilder.create().setSslContext(trusted).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setMaxRedirects(maxRedirects)
                        .setResponseTimeout(Timeout.of(readTimeout))
                        .build());
    }

    /**
     * The JVM's own TLS context, made once per JVM. The stock provider builds a context of its
     * own for every file system, loading the certificate authorities afresh each time: a few
     * milliseconds of CPU on every fetch, since each fetch has its own file system.
     */
    @Override
    protected SSLContext createSSLContext(Http5FileSystemConfigBuilder builder, FileSystemOptions options)
            throws FileSystemException {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new FileSystemException("No TLS support in this JVM", e);
        }
    }

    @Override
    protected HttpClientContext createHttpClientContext(Http5FileSystemConfigBuilder builder, GenericFileName rootName,
                                                        FileSystemOptions options, UserAuthenticationData given) {
        UserAuthenticationData copy = new UserAuthenticationData();
        if (given != null) {
            for (UserAuthenticationData.Type type : new UserAuthenticationData.Type[] {
                    UserAuthenticationData.USERNAME, UserAuthenticationData.PASSWORD}) {
                char[] value = given.getData(type);
                copy.setData(type, value == null ? null : value.clone());
            }
        }
        return super.createHttpClientContext(builder, rootName, options, copy);
    }
}
