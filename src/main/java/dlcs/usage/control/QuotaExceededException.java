package dlcs.usage.control;

import dlcs.common.ClientError;

/**
 * A registration that would take its customer over a limit of its storage policy. Not transient:
 * the same request fails the same way until images are deleted or the policy is raised, so the
 * queue records it as the member's error instead of retrying it.
 */
public class QuotaExceededException extends ClientError {

    public QuotaExceededException(String message) {
        super(507, "Insufficient storage", message);
    }
}
