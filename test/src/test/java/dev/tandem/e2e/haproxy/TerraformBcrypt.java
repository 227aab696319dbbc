package dev.tandem.e2e.haproxy;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The stats password's hash as the delivery makes it: Terraform's own {@code bcrypt(password, cost)}, evaluated by
 * the real {@code terraform console} with no network ({@code unshare -n}), so the drill checks that HAProxy's
 * crypt(3) accepts what Terraform produces.
 */
final class TerraformBcrypt {
    private static final Pattern HASH = Pattern.compile("\"(\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53})\"");

    private TerraformBcrypt() {
    }

    /** @return {@code bcrypt(password, cost)} from Terraform; skips (fails in CI) without terraform or unshare */
    static String hash(String password, int cost, Path dir) throws IOException, InterruptedException {
        for (String tool : List.of("terraform", "unshare")) {
            if (!onPath(tool)) {
                String why = tool + " is not on PATH";
                if (System.getenv("CI") != null) {
                    fail(why + "; CI must run this test");
                }
                Assumptions.abort(why + ": skipping the check of Terraform's bcrypt against HAProxy");
            }
        }
        Path work = Files.createDirectories(dir.resolve("terraform-console"));
        Process console = new ProcessBuilder("unshare", "-n", "terraform", "console").directory(work.toFile())
                .redirectErrorStream(true).start();
        console.getOutputStream().write(("bcrypt(\"" + password + "\", " + cost + ")\n").getBytes(StandardCharsets.UTF_8));
        console.getOutputStream().close();
        String output = new String(console.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!console.waitFor(60, TimeUnit.SECONDS) || console.exitValue() != 0) {
            throw new AssertionError("terraform console failed:\n" + output);
        }
        Matcher m = HASH.matcher(output);
        if (!m.find()) {
            throw new AssertionError("no bcrypt hash in terraform console's answer:\n" + output);
        }
        return m.group(1);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
