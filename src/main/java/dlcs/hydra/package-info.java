/**
 * What the registration API's resources share: JSON-LD/Hydra shapes, paging, absolute public
 * URLs for {@code @id}, and the one exception mapper that turns every failure into a Hydra
 * error with a useful detail and never a stack trace.
 */
package dlcs.hydra;
