package dlcs.security.boundary;

import dlcs.security.control.Authenticator;
import dlcs.security.control.Caller;
import dlcs.security.control.NotAuthenticatedException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;

/**
 * HTTP Basic authentication of the registration API with {@code key:secret}. Only the entry
 * point is open; every other API path needs a key. Authorisation (which customer a key may
 * touch) is decided by the resources through {@link Caller}. Failed attempts are counted by the
 * connection's own address ({@code getRemoteAddr()}), never by a header the client could choose.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BasicAuthenticationFilter implements ContainerRequestFilter {

    @Inject
    Authenticator authenticator;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceAll("^/+|/+$", "");
        if (path.isEmpty() || "OPTIONS".equals(request.getMethod())) {
            return;
        }
        Caller caller = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return "administrator".equals(role) && caller.administrator();
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return SecurityContext.BASIC_AUTH;
            }
        });
    }

    private Caller authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new NotAuthenticatedException(
                    "Send an API key with HTTP Basic authentication: -u key:secret with curl.");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new NotAuthenticatedException("The Authorization header is not valid Base64 of key:secret.");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new NotAuthenticatedException("The Authorization header must carry key:secret.");
        }
        return authenticator.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1),
                        servletRequest.getRemoteAddr())
                .orElseThrow(() -> new NotAuthenticatedException("Unknown key or wrong secret."));
    }
}
