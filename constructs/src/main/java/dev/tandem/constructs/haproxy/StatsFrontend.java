package dev.tandem.constructs.haproxy;

/**
 * The statistics page as a {@code frontend} of its own, with its user in a {@code userlist}. Neither the
 * password nor its hash is in the file written at synth: the user's line names a placeholder, and the delivery
 * puts a salted crypt(3) hash of the password in its place, on that line only.
 *
 * @param bind             where it listens
 * @param allowedSource    the only network allowed to ask (CIDR): the operators'
 * @param user             login name
 * @param passwordVariable name of the placeholder {@code $NAME} written for the password's hash
 */
public record StatsFrontend(Bind bind, String allowedSource, String user, String passwordVariable) {
    /** The userlist the stats page checks. */
    static final String USERLIST = "stats-users";

    /** @return the userlist line for {@code user}, with the placeholder where the hash goes */
    static String userLine(String user, String passwordVariable) {
        return "user " + user + " password $" + passwordVariable;
    }
}
