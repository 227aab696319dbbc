package dev.tandem.constructs.readiness;

import dev.tandem.constructs.access.AccessKey;
import dev.tandem.constructs.access.AccessKeyStatus;
import dev.tandem.constructs.access.AppDataAccess;
import java.util.List;
import software.constructs.IConstruct;

/**
 * {@link Rule#APP_CREDENTIALS}: every app identity has an active access key. A deployment whose only key is
 * inactive has cut its app off its data (every request that needs it fails, and a health answer that checks the
 * data takes the region out of rotation). That can be meant, as a kill switch during an incident, so it is a
 * warning a deployment may accept, not an error.
 */
final class AppCredentials {
    private AppCredentials() {
    }

    static List<CheckResult> check(IConstruct root) {
        return root.getNode().findAll().stream()
                .filter(AppDataAccess.class::isInstance)
                .map(AppDataAccess.class::cast)
                .map(AppCredentials::check)
                .toList();
    }

    private static CheckResult check(AppDataAccess access) {
        List<AccessKey> keys = access.props().accessKeys();
        boolean active = keys.stream().anyMatch(k -> k.status() == AccessKeyStatus.ACTIVE);
        return SinglePoints.result(Rule.APP_CREDENTIALS, access.getNode().getPath(), "accessKeys", active,
                keys.stream().map(k -> k.name() + " " + k.status().terraformValue()).toList(),
                "at least one Active key, the one the pods use",
                "make the key the pods use AccessKey.active(name)");
    }
}
