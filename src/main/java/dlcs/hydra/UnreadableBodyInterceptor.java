package dlcs.hydra;

import dlcs.common.ClientError;
import dlcs.common.InvalidInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * A request body that the JAX-RS runtime cannot parse into what a resource takes (a multipart
 * body whose part has a Content-Type that is not a media type, say) is the client's to fix: a 400
 * that says what could not be read, where the runtime's exception would have been a 500.
 */
@Provider
public class UnreadableBodyInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (ClientError | WebApplicationException e) {
            throw e;
        } catch (RuntimeException e) {
            String reason = String.valueOf(e.getMessage()).replaceFirst("^RESTEASY\\d+: ", "");
            throw new InvalidInputException("The request body could not be read as " + context.getMediaType()
                    + ": " + reason + ".");
        }
    }
}
