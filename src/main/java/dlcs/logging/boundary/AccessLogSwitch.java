package dlcs.logging.boundary;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Puts the {@link AccessLogFilter} in front of every path when {@value #KEY} is true (the
 * default; environment {@code DLCS_LOG_ACCESS}), ahead of the filters the application declares,
 * so that a request they answer themselves (a malformed header's 400) is logged too, and its
 * time counts theirs. Off, nothing is registered: no filter on the hot path.
 */
@WebListener
public class AccessLogSwitch implements ServletContextListener {

    static final String KEY = "dlcs.log.access";
    private static final Logger LOG = Logger.getLogger(AccessLogSwitch.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean on = ConfigProvider.getConfig().getOptionalValue(KEY, Boolean.class).orElse(true);
        if (!on) {
            LOG.info("The access log is off (" + KEY + "=false).");
            return;
        }
        FilterRegistration.Dynamic filter = event.getServletContext().addFilter("access-log", AccessLogFilter.class);
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
}
