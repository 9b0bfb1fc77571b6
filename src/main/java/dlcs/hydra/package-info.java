/**
 * What the registration API's resources share: JSON-LD/Hydra shapes, paging, absolute public
 * URLs for {@code @id}, the one exception mapper that turns every failure into a Hydra error
 * with a useful detail and never a stack trace, and what every API request goes through before
 * a resource sees it: its path and query given to JAX-RS encoded, headers JAX-RS cannot read
 * refused ({@link dlcs.hydra.ApiRequestFilter}), query parameters the resource method does not
 * read refused ({@link dlcs.hydra.QueryParameterFilter}), JSON bodies capped
 * ({@link dlcs.hydra.BodyLimitFilter}), bodies the runtime cannot parse answered with a 400
 * ({@link dlcs.hydra.UnreadableBodyInterceptor}).
 */
package dlcs.hydra;
