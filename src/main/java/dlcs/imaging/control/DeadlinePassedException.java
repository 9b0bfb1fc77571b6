package dlcs.imaging.control;

/** Pixel work stopped at its {@link Deadline}: what it was making is not made. */
public class DeadlinePassedException extends RuntimeException {

    public DeadlinePassedException() {
        super("The work passed its deadline and was stopped.");
    }
}
