/**
 * The server's figures for Prometheus: {@link dlcs.metrics.control.Meters} is the one class that
 * knows the metrics library, and {@link dlcs.metrics.boundary.MetricsServlet} serves the scrape at
 * {@code /metrics} to the networks of {@code dlcs.metrics.allowed-networks} only. Each feature
 * keeps its own figures (their names and their labels, from small fixed sets) in a class of its
 * own that calls {@code Meters}; this package imports no feature, so that every feature may use it.
 */
package dlcs.metrics;
