package dlcs.logging.boundary;

import dlcs.logging.control.AccessLog;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * Puts the {@link AccessLogFilter} in front of every path when the access log is on
 * ({@link AccessLog#configuredOn}), ahead of the filters the application declares,
 * so that a request they answer themselves (a malformed header's 400) is logged too, and its
 * time counts theirs. Off, nothing is registered: no filter on the hot path.
 */
@WebListener
public class AccessLogSwitch implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(AccessLogSwitch.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!AccessLog.configuredOn()) {
            LOG.info("The access log is off (" + AccessLog.KEY + "=false).");
            return;
        }
        FilterRegistration.Dynamic filter = event.getServletContext().addFilter("access-log", AccessLogFilter.class);
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
}
