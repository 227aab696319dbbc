package dev.tandem.constructs.access;

/** Whether AWS accepts requests signed with an access key ({@code aws_iam_access_key.status}). */
public enum AccessKeyStatus {
    /** Requests signed with the key are authenticated. */
    ACTIVE("Active"),
    /** Requests signed with the key are refused; the key can be made active again until it is deleted. */
    INACTIVE("Inactive");

    private final String terraformValue;

    AccessKeyStatus(String terraformValue) {
        this.terraformValue = terraformValue;
    }

    /** @return the value hashicorp/aws takes, {@code Active} or {@code Inactive} */
    public String terraformValue() {
        return terraformValue;
    }
}
